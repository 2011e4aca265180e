import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { Stage } from './attributes';
import { CallAttributesSpanProcessor } from './callAttributes';

/** Where finished spans go. */
export interface SpanDestinations {
  /** Exported span by span, as each ends (tests pass an `InMemorySpanExporter`). */
  spanExporter?: SpanExporter;
  /** A full OTLP/HTTP traces URL, exported in batches. */
  otlpTracesUrl?: string;
  /** The service's stage, set on every span that does not name one. */
  stage?: Stage;
}

/**
 * First the one that adds the stage and call id (from baggage) to every span, then one
 * processor per destination; no destination is valid: spans are still created and their
 * context propagated, but nothing is exported.
 */
export const spanProcessors = ({
  spanExporter,
  otlpTracesUrl,
  stage,
}: SpanDestinations): SpanProcessor[] => [
  new CallAttributesSpanProcessor(stage),
  ...(spanExporter ? [new SimpleSpanProcessor(spanExporter)] : []),
  ...(otlpTracesUrl ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl }))] : []),
];
