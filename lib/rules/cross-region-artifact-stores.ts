import { ActionModel, ArtifactStoreModel, PipelineModel, StageModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { allActions, categoryOf, partKnown } from '../model/walk';
import { Rule, Sources, Violation } from './rule';

/**
 * The service keeps each action's artifacts in a bucket of the action's own region: a pipeline with
 * an action outside its region declares one store per region (`artifactStores`), its own region's
 * included, and then not also the single `artifactStore`. A store for a region no action runs in is
 * allowed. Source actions are left to source-region: they cannot run in another region at all.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const crossRegionArtifactStores: Rule = {
  id: 'cross-region-artifact-stores',
  severity: 'error',
  description: 'A pipeline with actions in other regions has ArtifactStores with a store for its own region and for each of theirs, and no ArtifactStore beside it',
  limit: 'ArtifactStores: pipeline region + every action region; not with ArtifactStore',
  source: `${Sources.CROSS_REGION}; ${Sources.API}, PipelineDeclaration artifactStores`,
  *check(pipeline) {
    // A store behind an intrinsic, or of the wrong shape (declaration-shape's finding), may be anything.
    if (!partKnown(pipeline, 'artifactStore') || !partKnown(pipeline, 'artifactStores')) return;
    // An entry of the wrong shape may be meant for any region: declaration-shape reports it alone.
    if (pipeline.malformed?.some((part) => part.path.startsWith('artifactStores'))) return;
    const stores = regionalStores(pipeline);
    if (stores !== undefined && pipeline.artifactStore !== undefined) {
      yield {
        message: 'the pipeline declares both ArtifactStore and ArtifactStores; the API takes one of them',
        fix: 'remove ArtifactStore, and give its bucket as the ArtifactStores entry of the pipeline\'s own region.',
      };
      return;
    }
    const pipelineRegion = pipeline.context.region;
    const elsewhere = actionsByOtherRegion(pipeline, pipelineRegion);
    if (stores === undefined) {
      // With one store, an action's region can only be judged against the pipeline's own.
      if (pipelineRegion === undefined || elsewhere.size === 0) return;
      const [[region, [first]]] = elsewhere;
      const regions = [pipelineRegion, ...elsewhere.keys()].join(', ');
      yield {
        ...first,
        message: `the action runs in ${region}, but the pipeline (in ${pipelineRegion}) has a single ArtifactStore; a pipeline with actions in other regions needs ArtifactStores, with a store in its own region and in each region its actions run in (${regions})`,
        fix: `replace ArtifactStore with ArtifactStores holding a store (an S3 bucket in that region) for each of ${regions}.`,
      };
      return;
    }
    const declared = Object.keys(stores).sort().join(', ');
    if (pipelineRegion !== undefined && !has(stores, pipelineRegion)) {
      yield {
        message: `ArtifactStores has no store for the pipeline's own region ${pipelineRegion} (it has ${declared})`,
        fix: `add a store in ${pipelineRegion} to ArtifactStores.`,
      };
    }
    for (const [region, places] of elsewhere) {
      if (has(stores, region)) continue;
      const [first, ...others] = places;
      const alsoThere = others.length === 0 ? '' : `; ${others.length} more ${others.length === 1 ? 'action runs' : 'actions run'} there`;
      yield {
        ...first,
        message: `the action runs in ${region}, but ArtifactStores has no store there (it has ${declared})${alsoThere}`,
        fix: `add a store in ${region} (an S3 bucket in ${region}) to ArtifactStores, or run the action in a region that has one.`,
      };
    }
  },
};

type Place = Required<Pick<Violation, 'stage' | 'action'>>;

/** The per-region stores; undefined when there are none (an empty list declares no store). */
function regionalStores(pipeline: PipelineModel): Readonly<Record<string, ArtifactStoreModel>> | undefined {
  const stores = pipeline.artifactStores;
  return stores !== undefined && Object.keys(stores).length > 0 ? stores : undefined;
}

/**
 * The actions (not source actions) with a literal region other than the pipeline's, by region in the
 * order they first appear; with the pipeline's region unknown, every action that names a region.
 */
function actionsByOtherRegion(pipeline: PipelineModel, pipelineRegion: string | undefined): Map<string, Place[]> {
  const byRegion = new Map<string, Place[]>();
  for (const { stage, action } of allActions(pipeline)) {
    const region = known(action.region);
    if (region === undefined || region === pipelineRegion || categoryOf(action) === 'Source') continue;
    const places = byRegion.get(region);
    const place: { stage: StageModel; action: ActionModel } = { stage, action };
    if (places) places.push(place);
    else byRegion.set(region, [place]);
  }
  return byRegion;
}

function has(stores: Readonly<Record<string, ArtifactStoreModel>>, region: string): boolean {
  return Object.prototype.hasOwnProperty.call(stores, region);
}
