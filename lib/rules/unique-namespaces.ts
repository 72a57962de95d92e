import { ActionModel, StageModel } from '../model/pipeline-model';
import { describeValue, known } from '../model/values';
import { allActions } from '../model/walk';
import { Rule, Sources } from './rule';

interface Place {
  readonly stage: StageModel;
  readonly action: ActionModel;
}

const where = ({ stage, action }: Place) => `stage "${describeValue(stage.name)}", action "${describeValue(action.name)}"`;

/**
 * Variable namespaces name one action each: unique across the pipeline (case sensitive, as the
 * quotas page says namespaces are), and not the name of an artifact.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const uniqueNamespaces: Rule = {
  id: 'unique-namespaces',
  severity: 'error',
  description: 'Action namespaces are unique in the pipeline and differ from every artifact name',
  limit: 'unique; no artifact of the same name',
  source: Sources.VARIABLES,
  *check(pipeline) {
    const artifacts = new Map<string, Place>();
    for (const place of allActions(pipeline)) {
      for (const artifact of place.action.outputArtifacts) {
        const name = known(artifact.name);
        if (typeof name === 'string' && !artifacts.has(name)) artifacts.set(name, place);
      }
    }
    const namespaces = new Map<string, Place>();
    for (const place of allActions(pipeline)) {
      const namespace = known(place.action.namespace);
      if (typeof namespace !== 'string' || namespace === '') continue;
      const first = namespaces.get(namespace);
      if (first) {
        yield { ...place, message: `namespace "${namespace}" is also the namespace of ${where(first)}`, fix: 'give each action its own namespace, e.g. the action\'s name followed by "Variables".' };
      } else {
        namespaces.set(namespace, place);
      }
      const producer = artifacts.get(namespace);
      if (producer) {
        yield { ...place, message: `namespace "${namespace}" is the name of an artifact (the output of ${where(producer)})`, fix: 'rename the namespace or the artifact; a namespace may not equal an artifact name.' };
      }
    }
  },
};
