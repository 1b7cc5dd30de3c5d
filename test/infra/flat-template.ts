import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

type Json = unknown;
type Resources = Record<string, { Type: string; Properties?: Record<string, Json> }>;

const substitute = (value: Json, replace: (node: Record<string, Json>) => Json | undefined): Json => {
  if (Array.isArray(value)) return value.map((v) => substitute(v, replace));
  if (value && typeof value === 'object') {
    const replaced = replace(value as Record<string, Json>);
    if (replaced !== undefined) return replaced;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, replace)]));
  }
  return value;
};

/**
 * The platform as one template, for assertions written against the whole of it: the resources of
 * its nested stacks (the HTTP routes' areas) merged into the parent's, each parameter a nested stack
 * receives replaced by what the parent passes (`{ Ref: Table… }`, `{ Fn::GetAtt: [Bucket…, Arn] }`)
 * and each nested output the parent reads replaced by its value — so that "which roles may read
 * this bucket" reads the same whichever stack a role lives in.
 */
export const flatTemplate = (stack: Stack): Template => {
  const parent = Template.fromStack(stack).toJSON() as { Resources: Resources; [key: string]: Json };
  const resources: Resources = { ...parent.Resources };
  const outputs = new Map<string, Json>(); // "<nested logical id>.Outputs.<name>" → value
  for (const nested of stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)) {
    const stackId = stack.getLogicalId(nested.nestedStackResource!);
    const parameters = (parent.Resources[stackId]!.Properties!.Parameters ?? {}) as Record<string, Json>;
    const child = Template.fromStack(nested).toJSON() as {
      Resources: Resources;
      Outputs?: Record<string, { Value: Json }>;
    };
    const resolve = (value: Json) =>
      substitute(value, (node) => {
        const ref = node.Ref;
        return typeof ref === 'string' && ref in parameters ? parameters[ref] : undefined;
      });
    for (const [id, resource] of Object.entries(child.Resources)) {
      if (id in resources) throw new Error(`logical id ${id} is in two stacks`);
      resources[id] = resolve(resource) as Resources[string];
    }
    for (const [name, output] of Object.entries(child.Outputs ?? {}))
      outputs.set(`${stackId}.Outputs.${name}`, resolve(output.Value));
  }
  const flattened = substitute(resources, (node) => {
    const getAtt = node['Fn::GetAtt'];
    if (!Array.isArray(getAtt)) return undefined;
    return outputs.get(`${getAtt[0]}.${getAtt[1]}`);
  }) as Resources;
  return Template.fromJSON({ ...parent, Resources: flattened });
};
