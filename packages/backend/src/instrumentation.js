// Starts OpenTelemetry before the backend, so the metrics of Backstage and its plugins
// (AWS Access's among them) are served in Prometheus format, by default on
// http://localhost:9464/metrics. Loaded with `node --require`; see the start script.

// Worker threads load this file too; the SDK belongs to the main thread only.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const { NodeSDK } = require('@opentelemetry/sdk-node');
  const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');

  // The standard variables move the endpoint, e.g. when two backends share a host.
  const port = Number(process.env.OTEL_EXPORTER_PROMETHEUS_PORT) || undefined;
  const host = process.env.OTEL_EXPORTER_PROMETHEUS_HOST || undefined;

  const sdk = new NodeSDK({
    metricReaders: [new PrometheusExporter({ host, port })],
    // Metrics only: without these the SDK would send traces and logs to an OTLP
    // collector on localhost. Add exporters here if you collect them.
    spanProcessors: [],
    logRecordProcessors: [],
  });
  sdk.start();
}
