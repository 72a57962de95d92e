/**
 * The characters no output medium shows as they are: C0 controls, DEL, C1 controls, the Arabic
 * letter mark, the left-to-right and right-to-left marks, line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates. An escape sequence can rewrite a terminal; a
 * bidirectional override can make text read in another order than it is stored.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
