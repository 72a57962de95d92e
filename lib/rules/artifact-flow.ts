import { ActionModel, StageModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { allOutputsKnown, notFinishedBefore, runOrderOf } from '../model/walk';
import { Rule, Sources } from './rule';

interface Producer {
  readonly stageIndex: number;
  readonly stage: StageModel;
  readonly action: ActionModel;
  readonly runOrder: number | undefined;
}

/**
 * Every input artifact is produced by an action that finishes before it starts: in an earlier stage,
 * or in the same stage with a lower runOrder. aws-cdk-lib only checks this within one stage.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html
 */
export const artifactFlow: Rule = {
  id: 'artifact-flow',
  severity: 'error',
  description: 'Every input artifact is the output of an action that finishes earlier',
  limit: 'earlier stage, or same stage with lower runOrder',
  source: Sources.STRUCTURE,
  *check(pipeline) {
    const producers = new Map<string, Producer>();
    for (const [stageIndex, stage] of pipeline.stages.entries()) {
      for (const action of stage.actions) {
        for (const artifact of action.outputArtifacts) {
          const name = known(artifact.name);
          if (name !== undefined && !producers.has(name)) {
            producers.set(name, { stageIndex, stage, action, runOrder: runOrderOf(action) });
          }
        }
      }
    }
    for (const [stageIndex, stage] of pipeline.stages.entries()) {
      for (const action of stage.actions) {
        for (const artifact of action.inputArtifacts) {
          const name = known(artifact.name);
          if (name === undefined) continue;
          const producer = producers.get(name);
          if (!producer) {
            // The producer may be behind an intrinsic (a conditional stage or action).
            if (!allOutputsKnown(pipeline)) continue;
            yield {
              stage,
              action,
              message: `input artifact "${name}" is not the output of any action in the pipeline`,
              fix: `use the name of an earlier action's output artifact, or add an action that outputs "${name}".`,
            };
            continue;
          }
          const problem = notFinishedBefore(producer, { stageIndex, runOrder: runOrderOf(action) });
          if (problem) {
            yield {
              stage,
              action,
              message: `input artifact "${name}" is produced by stage "${known(producer.stage.name)}", action "${known(producer.action.name)}", which ${problem}`,
              fix: 'move the producing action to an earlier stage, or give it a lower runOrder in the same stage.',
            };
          }
        }
      }
    }
  },
};
