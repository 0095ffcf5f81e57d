export type { Solution, Step, Part, Answer, Span } from './solution.ts';
export { emptySolution } from './solution.ts';
export { parseSolution, createSolutionParser, type SolutionParser } from './parse-solution.ts';
export { ANSWER_FORMAT, ANSWER_FORMAT_INSTRUCTIONS, ANSWER_FORMAT_EXAMPLE } from './answer-format.ts';
