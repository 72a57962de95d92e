export { MAX_DRAWN_ACTIONS_PER_STAGE } from './drawn-actions';
export type { ActionBox, Arrow, DiagramLayout, HiddenActionsBox, LayoutSpacing, Rect, StageBox, TextLine } from './layout';
export { DEFAULT_SPACING, layoutPipeline, pipelineTitle } from './layout';
export { pipelineMarkdown, pipelineMermaid } from './mermaid';
export { PIPELINE_DIAGRAMS_CONTEXT, PipelineDiagrams, diagramBaseName } from './pipeline-diagrams';
export { summarizePipeline } from './summary';
export { pipelineSvg, renderSvg } from './svg';
export type { MonospaceFont } from './text';
export { DIAGRAM_FONT } from './text';
