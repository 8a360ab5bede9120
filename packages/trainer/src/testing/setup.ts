import { silenceTfjsNotices } from '../backend/silenceTfjsNotices.js';

silenceTfjsNotices();
