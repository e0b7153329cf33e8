import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/api.js';

export const AppInfoContext = createContext<{ info: AppInfo; refresh: () => void } | null>(null);

export function useAppInfo(): { info: AppInfo; refresh: () => void } {
  const value = useContext(AppInfoContext);
  if (!value) throw new Error('useAppInfo outside AppInfoContext');
  return value;
}
