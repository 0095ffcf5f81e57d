import { describe, expect, it } from 'vitest';
import { isReasoningModel } from './reasoning-model.ts';

describe('isReasoningModel', () => {
  it.each([
    'o1', 'o1-2024-12-17', 'o1-pro', 'o3', 'o3-mini', 'o3-mini-2025-01-31', 'o3-pro', 'o4-mini', 'o4-mini-2025-04-16',
    'gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5.1', 'gpt-5-2025-08-07', 'gpt-5-codex',
    'openai/o3-mini', 'openai/o4-mini-high', 'openai/gpt-5', 'OpenAI/GPT-5-Mini', ' o3 ',
  ])('treats %s as a reasoning model', (id) => {
    expect(isReasoningModel(id)).toBe(true);
  });

  it.each([
    'gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-3.5-turbo', 'llama3.1:8b', 'qwen2.5-math:7b', 'deepseek-r1:14b',
    'openai/gpt-4o', 'gpt-5-chat-latest', 'openai/gpt-5-chat', 'o1x', 'o30', 'gpt-50', 'mistral-o1', 'foo/o4', '',
  ])('treats %s as an ordinary chat model', (id) => {
    expect(isReasoningModel(id)).toBe(false);
  });
});
