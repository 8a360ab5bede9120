/**
 * The served OpenAPI document as a contract the tests hold every answer to: an ajv 8 validator
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with ajv-formats) over the document's own
 * schemas, inside workerd. `responseProblems` says what in a response the document does not
 * allow: an undocumented status, content type or header, or a body its schema rejects.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** An operation of the document, with a matcher for its path template. */
export interface DocumentOperation {
  method: string;
  /** The path as the document spells it, e.g. `/v1/models/{id}`. */
  path: string;
  pattern: RegExp;
  operation: Json;
}

/** RFC 6901 escape of one pointer segment. */
const pointerSegment = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** The document's validator and its operations. */
export class DocumentContract {
  readonly document: Json;
  readonly operations: DocumentOperation[];
  readonly #ajv: Ajv2020;

  constructor(document: Json) {
    this.document = document;
    // strict: false lets OpenAPI's own keywords (`example`, `discriminator`) through unread.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema(document, 'openapi');
    const paths = document.paths as Record<string, Record<string, Json>>;
    this.operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        operation,
      })),
    );
  }

  /** The operation answering `method` on `pathname`, if the document has one. */
  operationFor(method: string, pathname: string): DocumentOperation | undefined {
    const wanted = method === 'HEAD' ? 'GET' : method;
    return this.operations.find((op) => op.method === wanted && op.pattern.test(pathname));
  }

  /** Errors of `value` against the schema at `pointer` (JSON pointer into the document). */
  schemaErrors(pointer: string, value: unknown): string[] {
    const validate =
      this.#ajv.getSchema(`openapi#${pointer}`) ??
      this.#ajv.compile({ $ref: `openapi#${pointer}` });
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} (${e.schemaPath})`,
    );
  }

  /**
   * What the document does not allow in an answer to `method url`: for a documented operation,
   * its status must be listed and its body valid against that response's schema; for any other
   * request (a path or method the API does not serve), the answer must be a valid Problem.
   */
  responseProblems(
    method: string,
    url: string,
    status: number,
    contentType: string | null,
    body: string,
  ): string[] {
    const pathname = new URL(url, 'http://gatecast.test').pathname;
    const op = this.operationFor(method, pathname);
    const type = (contentType ?? '').split(';')[0]?.trim() ?? '';
    if (!op) {
      if (type !== 'application/problem+json') return [`${status} ${type}: not problem+json`];
      return this.schemaErrors('/components/schemas/Problem', JSON.parse(body));
    }
    const responses = op.operation.responses as Record<string, Json>;
    const response = responses[String(status)] ?? responses.default;
    const where = `${op.method} ${op.path} → ${status}`;
    if (!response) return [`${where}: status not documented`];
    const content = response.content as Record<string, unknown> | undefined;
    if (!content) return body === '' ? [] : [`${where}: a body where none is documented`];
    if (!(type in content)) return [`${where}: content type ${type} not documented`];
    if (method === 'HEAD') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return [`${where}: body is not JSON`];
    }
    const pointer = `/paths/${pointerSegment(op.path)}/${op.method.toLowerCase()}/responses/${status}/content/${pointerSegment(type)}/schema`;
    return this.schemaErrors(pointer, parsed).map((e) => `${where}: ${e}`);
  }
}
