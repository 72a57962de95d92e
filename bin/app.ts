import { App } from 'aws-cdk-lib';
import { buildApp } from '../examples';

// The CDK app cdk.json runs: one of the examples (see examples/index.ts).
const app = new App();
buildApp(app);
app.synth();
