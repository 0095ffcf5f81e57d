import { describe, expect, it } from 'vitest';
import { buildChatRequest, refusedParameter, REASONING_MAX_COMPLETION_TOKENS, TUTOR_TEMPERATURE } from './chat-request.ts';

describe('buildChatRequest', () => {
  it('gives chat models system instructions and a low temperature, no reasoning parameters', () => {
    const body = buildChatRequest({ model: ' gpt-4o-mini ', reasoningEffort: 'high' }, 'Solve 2x = 4', { stream: true });
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.stream).toBe(true);
    expect(body.temperature).toBe(TUTOR_TEMPERATURE);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body).not.toHaveProperty('reasoning_effort');
    expect(body).not.toHaveProperty('max_completion_tokens');
  });

  it('gives reasoning models developer instructions, max_completion_tokens and the chosen effort, no temperature', () => {
    const body = buildChatRequest({ model: 'openai/o3-mini', reasoningEffort: 'low' }, 'Solve 2x = 4', { stream: false });
    expect(body.messages.map((m) => m.role)).toEqual(['developer', 'user']);
    expect(body.max_completion_tokens).toBe(REASONING_MAX_COMPLETION_TOKENS);
    expect(body.reasoning_effort).toBe('low');
    expect(body.stream).toBe(false);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('leaves out parameters the server refused', () => {
    const omit = new Set(['temperature', 'reasoning_effort'] as const);
    expect(buildChatRequest({ model: 'llama3', reasoningEffort: 'low' }, 'p', { stream: true, omit })).not.toHaveProperty('temperature');
    expect(buildChatRequest({ model: 'o3', reasoningEffort: 'low' }, 'p', { stream: true, omit })).not.toHaveProperty('reasoning_effort');
  });
});

describe('refusedParameter', () => {
  it("recognises OpenAI's refusal to stream", () => {
    expect(
      refusedParameter({
        status: 400,
        param: 'stream',
        code: 'unsupported_value',
        message: "Unsupported value: 'stream' does not support true with this model. Only the default (false) value is supported.",
      }),
    ).toBe('stream');
    expect(
      refusedParameter({
        status: 400,
        param: 'stream',
        code: 'unsupported_value',
        message: 'Your organization must be verified to stream this model. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization.',
      }),
    ).toBe('stream');
    expect(refusedParameter({ status: 400, message: 'Streaming is not supported by this backend' })).toBe('stream');
  });

  it('recognises refused temperature and reasoning_effort', () => {
    expect(refusedParameter({ status: 400, param: 'temperature', message: "Unsupported value: 'temperature' does not support 0.2 with this model." })).toBe('temperature');
    expect(refusedParameter({ status: 400, message: "Unsupported parameter: 'reasoning_effort' is not supported with this model." })).toBe('reasoning_effort');
  });

  it('ignores other failures', () => {
    expect(refusedParameter({ status: 400, message: "This model's maximum context length is 8192 tokens." })).toBeNull();
    expect(refusedParameter({ status: 500, param: 'stream', message: 'stream not supported' })).toBeNull();
    expect(refusedParameter({ status: 400, message: 'Invalid value for messages' })).toBeNull();
  });
});
