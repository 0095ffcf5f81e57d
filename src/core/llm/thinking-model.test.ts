import { describe, expect, it } from 'vitest';
import { mayThinkInTheOpen } from './thinking-model.ts';

describe('mayThinkInTheOpen (lone-closing-think-tag)', () => {
  it('names the open thinking models, with router prefixes, tags and quantisations', () => {
    for (const id of ['Qwen/Qwen3-8B', 'qwen3:30b-a3b', 'qwq-32b', 'deepseek-r1:14b', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', 'Qwen3-30B-A3B-Thinking-2507-GGUF', 'unsloth/r1-1776', 'phi-4-reasoning']) {
      expect(mayThinkInTheOpen(id), id).toBe(true);
    }
  });
  it('leaves out chat models and the non-thinking Qwen3 variants', () => {
    for (const id of ['gpt-4o-mini', 'Qwen/Qwen3-30B-A3B-Instruct-2507', 'qwen2.5-math-7b-instruct', 'llama3.1:8b', 'mistral-small', 'o3-mini', 'fake-model']) {
      expect(mayThinkInTheOpen(id), id).toBe(false);
    }
  });
});
