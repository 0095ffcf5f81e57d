/**
 * Models that think before answering and whose chat template opens the `<think>` block inside the prompt
 * (Qwen3, QwQ, DeepSeek-R1 and its distills, and similar open models): served without a reasoning parser
 * (vLLM, llama.cpp, SGLang), their answer starts with the thinking itself and only the closing `</think>`
 * arrives. The parser then holds their text as thinking until the tag, a heading or the end says what it was.
 * A name is only a hint: a wrong guess just shows an answer in the thinking panel until its first heading.
 */
const OPEN_THINKING = /qwq|qwen3(?![\w.-]*instruct)|deepseek[-_]?r1|r1[-_]distill|(?:^|[-_/:])r1(?:$|[-_:.])|thinking|reasoning|openthinker|exaone[-_]?deep/;

export function mayThinkInTheOpen(modelId: string): boolean {
  return OPEN_THINKING.test(modelId.trim().toLowerCase());
}
