import * as fs from 'fs';
import * as path from 'path';

/** The folder, beside the library's `dist/lib/index.js`, that `npm run build` bundles the function into. */
export const REVIEW_HANDLER_FOLDER = 'review-step';

/**
 * The folder holding the review step's function (`index.js`, one file with its SDK clients bundled,
 * so a user's app needs no bundler and no network at synth). The package ships it in `dist/lib`;
 * the library's own bundle sits there too, while compiled files and sources one or two folders down
 * (and this repository's tests, run from `lib/`) find it in the built `dist/lib`.
 */
export function reviewHandlerFolder(): string {
  const candidates = [
    path.join(__dirname, REVIEW_HANDLER_FOLDER),
    path.resolve(__dirname, '..', '..', REVIEW_HANDLER_FOLDER),
    path.resolve(__dirname, '..', '..', '..', 'dist', 'lib', REVIEW_HANDLER_FOLDER),
  ];
  const found = candidates.find((folder) => fs.existsSync(path.join(folder, 'index.js')));
  if (found === undefined) {
    throw new Error(`The review step's function is not built: none of ${candidates.join(', ')} holds index.js. Run \`npm run build\` in cdk-delivery-pipelines.`);
  }
  return found;
}
