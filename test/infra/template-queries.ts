/**
 * Small readers over a synthesized CloudFormation template, for the infra tests: resources by
 * type, a role's policy statements, and the references between resources.
 */
import type { Template } from 'aws-cdk-lib/assertions';

export interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | string[];
}

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export function resources(template: Template): Record<string, Resource> {
  return (template.toJSON() as { Resources: Record<string, Resource> }).Resources;
}

export function ofType(template: Template, type: string): [string, Resource][] {
  return Object.entries(resources(template)).filter(([, r]) => r.Type === type);
}

export function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Every statement of the AWS::IAM::Policy resources attached to the role with this logical id. */
export function roleStatements(template: Template, roleLogicalId: string): Statement[] {
  return ofType(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => list(policy.Properties?.['Roles'] as unknown[]).some((ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleLogicalId })))
    .flatMap(([, policy]) => (policy.Properties?.['PolicyDocument'] as { Statement: Statement[] }).Statement);
}

export function actionsOf(statements: readonly Statement[]): string[] {
  return statements.flatMap((s) => list(s.Action)).sort();
}

/** Logical ids a resource refers to (Ref, Fn::GetAtt, DependsOn), pseudo parameters excluded. */
export function referencesOf(resource: Resource): Set<string> {
  const found = new Set<string>(list(resource.DependsOn));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'Ref' && typeof child === 'string' && !child.startsWith('AWS::')) found.add(child);
      else if (key === 'Fn::GetAtt' && Array.isArray(child) && typeof child[0] === 'string') found.add(child[0]);
      else visit(child);
    }
  };
  visit(resource.Properties);
  return found;
}

/** A cycle of references, as logical ids, or null: CloudFormation refuses a template with one. */
export function findCycle(all: Record<string, Resource>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done' || all[id] === undefined) return null;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of referencesOf(all[id] as Resource)) {
      const cycle = visit(next);
      if (cycle !== null) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of Object.keys(all)) {
    const cycle = visit(id);
    if (cycle !== null) return cycle;
  }
  return null;
}
