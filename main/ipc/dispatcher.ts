import {
  isMethodName,
  type MethodName,
  methods,
  type Params,
  RequestEnvelope,
  type ResponseEnvelope,
  type Result,
} from '../contract/ipc-contract.js';
import { describeIssues } from '../../native/describe-issues.js';

export type Handlers = {
  [M in MethodName]: (params: Params<M>) => Result<M> | Promise<Result<M>>;
};

export type Dispatch = (raw: unknown) => Promise<ResponseEnvelope>;

/**
 * Turns any value received from a renderer into a response envelope.
 * Requests and results are validated; nothing a renderer sends can throw here.
 */
export function createDispatcher(
  handlers: Handlers,
  onInternalError: (method: string, error: unknown) => void = () => {},
): Dispatch {
  return async (raw) => {
    const envelope = RequestEnvelope.safeParse(raw);
    if (!envelope.success) {
      const id = readId(raw);
      return failure(id, 'bad-request', describeIssues(envelope.error).join('; '));
    }
    const { id, method } = envelope.data;
    if (!isMethodName(method)) return failure(id, 'unknown-method', `unknown method "${method}"`);
    const params = methods[method].params.safeParse(envelope.data.params ?? {});
    if (!params.success) {
      return failure(id, 'bad-request', describeIssues(params.error).join('; '));
    }
    try {
      const result = await callHandler(handlers, method, params.data);
      return { id, ok: true, result: methods[method].result.parse(result) };
    } catch (error) {
      onInternalError(method, error);
      return failure(id, 'internal', `${method} failed`);
    }
  };
}

function callHandler<M extends MethodName>(handlers: Handlers, method: M, params: unknown) {
  const handler = handlers[method] as (params: unknown) => unknown;
  return handler(params);
}

function failure(id: number, code: 'bad-request' | 'unknown-method' | 'internal', message: string) {
  return { id, ok: false as const, error: { code, message } };
}

function readId(raw: unknown): number {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id;
  }
  return 0;
}
