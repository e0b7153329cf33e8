import type { Migration } from '../migrate.js';
import * as m001 from './001_initial.js';
import * as m002 from './002_review.js';
import * as m003 from './003_case_closed_at.js';
import * as m004 from './004_redaction_ids.js';
import * as m005 from './005_run_index_and_count.js';
import * as m006 from './006_identifier_verification.js';
import * as m007 from './007_derived_text_cache.js';
import * as m008 from './008_letter_limits.js';
import * as m009 from './009_duplicate_key.js';
import * as m010 from './010_case_sent.js';

/** Every migration, in order. Append new ones; never reorder or remove. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010];
