import { describe, expect, it } from 'vitest';
import { extractServerError } from './error-body.ts';

describe('extractServerError', () => {
  it("reads OpenAI's error shape", () => {
    expect(
      extractServerError('{"error":{"message":"Unsupported value","type":"invalid_request_error","param":"stream","code":"unsupported_value"}}'),
    ).toEqual({ message: 'Unsupported value', type: 'invalid_request_error', param: 'stream', code: 'unsupported_value' });
  });

  it('reads the shapes of vLLM, LM Studio-style string errors, FastAPI details and plain text', () => {
    expect(extractServerError('{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}')).toEqual({
      message: 'The model `x` does not exist.',
      type: 'NotFoundError',
      code: '404',
      param: null,
    });
    expect(extractServerError('{"error":"Model not found"}')).toEqual({ message: 'Model not found' });
    expect(extractServerError('{"detail":"Not Found"}')).toMatchObject({ message: 'Not Found' });
    expect(extractServerError('404 page not found\n')).toEqual({ message: '404 page not found' });
    expect(extractServerError('')).toEqual({});
  });
});
