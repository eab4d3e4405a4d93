import { z } from 'zod';
import { CaseDetailsSchema } from './cases/case';
import { CaptureFormSchema, CaptureMetadataSchema, CaptureModeSchema } from './capture/metadata';
import { ExhibitError, type ExhibitErrorCode } from './errors';

/**
 * The one contract for runtime messages between extension pages and the background.
 * Each request type maps to a response schema; both ends parse with zod.
 */
const TabId = z.number().int().nonnegative();

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('capture.tab'),
    tabId: TabId,
    mode: CaptureModeSchema,
    form: CaptureFormSchema,
    /** Firefox's id of the right-clicked element (menus.getTargetElement); else the picker asks. */
    targetElementId: z.number().int().optional(),
    /** File it in an existing case, or open a case with it (issue #4); unfiled when absent. */
    filing: z.union([z.object({ caseId: z.string().min(1) }), z.object({ newCase: CaseDetailsSchema })]).optional(),
  }),
  z.object({ type: z.literal('capture.cancel'), tabId: TabId }),
  /** Something changed the responses due (an answer, the calendar): recount the toolbar badge. */
  z.object({ type: z.literal('badge.refresh') }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

export const ResponseSchemas = {
  'capture.tab': z.object({ metadata: CaptureMetadataSchema, auditHash: z.string() }),
  'capture.cancel': z.object({ cancelled: z.boolean() }),
  'badge.refresh': z.object({ badge: z.string() }),
} satisfies Record<RequestType, z.ZodType>;
export type ResponseOf<T extends RequestType> = z.infer<(typeof ResponseSchemas)[T]>;

/** What a request's failure is called when the handler gives no error of its own: it fits the request. */
const FAILURES: Record<RequestType, { code: ExhibitErrorCode; what: string }> = {
  'capture.tab': { code: 'capture-failed', what: 'The capture failed, so nothing was saved' },
  'capture.cancel': { code: 'capture-failed', what: 'The capture could not be cancelled' },
  'badge.refresh': {
    code: 'responses-failed',
    what: 'The counts on the toolbar button could not be updated',
  },
};

const ErrorReplySchema = z.object({ ok: z.literal(false), code: z.string(), message: z.string() });
type Reply = { ok: true; value: unknown } | z.infer<typeof ErrorReplySchema>;

export type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>) => Promise<ResponseOf<T>> };

/**
 * Broadcast by the background while a capture runs (slice k of n), for whichever page asked.
 * Sent with runtime.sendMessage, so it has a `type` the router refuses and never mistakes for a request.
 */
export const CaptureProgressSchema = z.object({
  type: z.literal('capture.progress'),
  tabId: TabId,
  slice: z.number().int().positive(),
  of: z.number().int().positive(),
});
export type CaptureProgress = z.infer<typeof CaptureProgressSchema>;

/** The background's single listener: parse, dispatch by type, and turn errors into plain replies. */
export function createMessageRouter(handlers: Handlers) {
  return async (message: unknown): Promise<Reply | undefined> => {
    if (CaptureProgressSchema.safeParse(message).success) return undefined; // an event, not a request
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success)
      return { ok: false, code: 'invalid-input', message: 'Exhibit received a request it does not understand.' };
    try {
      const handler = handlers[parsed.data.type] as (request: Request) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ExhibitError) return { ok: false, code: error.code, message: error.message };
      console.error('Exhibit background error', error);
      const { code, what } = FAILURES[parsed.data.type];
      return { ok: false, code, message: `${what}: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

/** The caller's side: send through the given transport and validate what comes back. */
export async function sendRequest<R extends Request>(
  send: (message: unknown) => Promise<unknown>,
  request: R,
): Promise<ResponseOf<R['type']>> {
  const valid = RequestSchema.safeParse(request);
  if (!valid.success)
    throw new ExhibitError('invalid-input', `Exhibit could not send this request (${z.prettifyError(valid.error)}).`);
  const reply = (await send(valid.data)) as Reply | undefined;
  if (!reply)
    throw new ExhibitError(
      FAILURES[request.type].code,
      `${FAILURES[request.type].what}: Exhibit’s background did not answer. Reload the extension and try again.`,
    );
  if (!reply.ok) {
    const error = ErrorReplySchema.parse(reply);
    throw new ExhibitError(error.code as ExhibitErrorCode, error.message);
  }
  return ResponseSchemas[request.type].parse(reply.value) as ResponseOf<R['type']>;
}
