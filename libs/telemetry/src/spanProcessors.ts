import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Where finished spans go. */
export interface SpanDestinations {
  /** Exported span by span, as each ends (tests pass an `InMemorySpanExporter`). */
  spanExporter?: SpanExporter;
  /** A full OTLP/HTTP traces URL, exported in batches. */
  otlpTracesUrl?: string;
}

/**
 * One processor per destination; none at all is valid: spans are still
 * created and their context propagated, but nothing is exported.
 */
export const spanProcessors = ({
  spanExporter,
  otlpTracesUrl,
}: SpanDestinations): SpanProcessor[] => [
  ...(spanExporter ? [new SimpleSpanProcessor(spanExporter)] : []),
  ...(otlpTracesUrl ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl }))] : []),
];
