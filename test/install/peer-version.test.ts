import * as path from 'path';

/**
 * The aws-cdk-lib and constructs the tests load: the repository's pinned devDependencies, or, under
 * `npm run test:peer-lower`, the lowest versions of the peer range.
 */
describe('the aws-cdk-lib the tests run against', () => {
  test('is the one PEER_NODE_MODULES names, else the repository\'s', () => {
    const peers = process.env.PEER_NODE_MODULES;
    const pkg = require('../../package.json');
    const loaded = (name: string) => require(`${name}/package.json`).version as string;
    const expected = peers
      ? { 'aws-cdk-lib': require(path.join(peers, 'aws-cdk-lib', 'package.json')).version, 'constructs': require(path.join(peers, 'constructs', 'package.json')).version }
      : { 'aws-cdk-lib': pkg.devDependencies['aws-cdk-lib'], 'constructs': pkg.devDependencies.constructs };
    expect({ 'aws-cdk-lib': loaded('aws-cdk-lib'), 'constructs': loaded('constructs') }).toEqual(expected);
  });
});
