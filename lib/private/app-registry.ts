import { IConstruct } from 'constructs';

/**
 * Things made in a CDK app, kept per app (by its root construct, weakly, so an app that is gone takes
 * its entries with it): what one construct needs to know of others of its kind in the same app, such
 * as names that must stay unique in an account.
 */
export class AppRegistry<T> {
  private readonly entries = new WeakMap<IConstruct, T[]>();

  /** Records `entry` in `scope`'s app. */
  public add(scope: IConstruct, entry: T): void {
    const root = scope.node.root;
    this.entries.set(root, [...(this.entries.get(root) ?? []), entry]);
  }

  /** The first entry of `scope`'s app that `matches`, in the order they were added. */
  public find(scope: IConstruct, matches: (entry: T) => boolean): T | undefined {
    return this.entries.get(scope.node.root)?.find(matches);
  }
}
