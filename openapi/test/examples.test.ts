// Every example in the bundled spec validates against its schema (Ajv, JSON Schema 2020-12), the fixtures of every
// sample/label attributes type validate against their own schema, and the schemas reject bad input.
import { describe, expect, it } from "vitest";
import {
  badSampleCreateTypo,
  badSegmentationCategoryNull,
  badSegmentationNoBitmap,
  labelAttributesFixtures,
  labelResponse,
  sampleAttributesFixtures,
} from "./fixtures";
import {
  componentSchemas,
  escapePointer,
  isObject,
  type Json,
  type JsonObject,
  operations,
  resolveRef,
  SpecValidator,
} from "./spec";

const validator = new SpecValidator();
const { spec } = validator;
const schemas = componentSchemas(spec);
const taskTypes = spec["x-segments-task-types"] as Record<string, { sample: string; label: string }>;

interface ExampleCase {
  where: string;
  schema: Json;
  value: Json;
}

/** Named examples (`examples: {name: {value}}`, possibly `$ref`s) and the single `example` of a media type etc. */
function examplesOf(node: JsonObject, where: string): Omit<ExampleCase, "schema">[] {
  const found: Omit<ExampleCase, "schema">[] = [];
  if ("example" in node) found.push({ where: `${where}.example`, value: node.example ?? null });
  if (isObject(node.examples)) {
    for (const [name, raw] of Object.entries(node.examples)) {
      const example = resolveRef(spec, raw);
      if (isObject(example) && "value" in example) {
        found.push({ where: `${where}.examples.${name}`, value: example.value ?? null });
      }
    }
  }
  return found;
}

function operationExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const { method, path, operation, parameters } of operations(spec)) {
    const id = `${method.toUpperCase()} ${path}`;
    for (const parameter of parameters) {
      for (const e of examplesOf(parameter, `${id} parameter ${parameter.name}`)) {
        cases.push({ ...e, schema: parameter.schema ?? null });
      }
    }
    const body = resolveRef(spec, operation.requestBody ?? null);
    if (isObject(body) && isObject(body.content)) {
      for (const [type, media] of Object.entries(body.content)) {
        if (!isObject(media)) continue;
        for (const e of examplesOf(media, `${id} request ${type}`))
          cases.push({ ...e, schema: media.schema ?? null });
      }
    }
    for (const [code, raw] of Object.entries((operation.responses ?? {}) as JsonObject)) {
      const response = resolveRef(spec, raw);
      if (!isObject(response)) continue;
      for (const [type, media] of Object.entries((response.content ?? {}) as JsonObject)) {
        if (!isObject(media)) continue;
        for (const e of examplesOf(media, `${id} ${code} ${type}`))
          cases.push({ ...e, schema: media.schema ?? null });
      }
      for (const [name, rawHeader] of Object.entries((response.headers ?? {}) as JsonObject)) {
        const header = resolveRef(spec, rawHeader);
        if (!isObject(header)) continue;
        for (const e of examplesOf(header, `${id} ${code} header ${name}`)) {
          cases.push({ ...e, schema: header.schema ?? null });
        }
      }
    }
  }
  return cases;
}

/** Every `examples` array of a (sub)schema in components.schemas, with the JSON pointer of that subschema. */
function schemaExamples(): { pointer: string; value: Json }[] {
  const found: { pointer: string; value: Json }[] = [];
  const walk = (node: Json, pointer: string, inSchema: boolean) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        walk(child, `${pointer}/${i}`, inSchema);
      });
      return;
    }
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const childPointer = `${pointer}/${escapePointer(key)}`;
      if (key === "examples" && inSchema && Array.isArray(child)) {
        for (const value of child) found.push({ pointer, value });
      } else if (key === "discriminator" || key === "enum" || key === "const" || key === "default") {
        // not schemas
      } else if (key === "properties" || key === "$defs" || key === "patternProperties") {
        if (isObject(child)) {
          for (const [name, sub] of Object.entries(child))
            walk(sub, `${childPointer}/${escapePointer(name)}`, true);
        }
      } else {
        walk(child, childPointer, true);
      }
    }
  };
  for (const [name, schema] of Object.entries(schemas)) walk(schema, `/${escapePointer(name)}`, true);
  return found;
}

describe("spec examples", () => {
  const cases = operationExamples();

  it("exist for requests, responses and parameters", () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(cases.some((c) => c.where.includes(" request "))).toBe(true);
    expect(cases.some((c) => c.where.includes(" parameter "))).toBe(true);
  });

  it.each(cases.map((c) => [c.where, c] as const))("%s validates against its schema", (_where, c) => {
    const validate = validator.inline(c.schema);
    const ok = validate(c.value);
    expect(ok, validator.errors(validate)).toBe(true);
  });

  const inSchemas = schemaExamples();

  it("exist in component schemas", () => {
    expect(inSchemas.length).toBeGreaterThan(30);
  });

  it.each(inSchemas.map((c, i) => [`${c.pointer} #${i}`, c] as const))(
    "schema example %s validates",
    (_name, c) => {
      const validate = validator.pointer(c.pointer);
      const ok = validate(c.value);
      expect(ok, validator.errors(validate)).toBe(true);
    },
  );

  it("component examples match the schema of every operation that uses them", () => {
    // Covered by the operation cases above (component examples are resolved there); make sure all are used.
    const used = JSON.stringify(spec.paths);
    for (const name of Object.keys(((spec.components as JsonObject).examples ?? {}) as JsonObject)) {
      expect(used, name).toContain(`#/components/examples/${name}`);
    }
  });
});

describe("x-segments-task-types", () => {
  it("maps exactly the 14 task types of the TaskType enum", () => {
    const taskTypeEnum = (schemas.TaskType as JsonObject).enum as string[];
    expect(taskTypeEnum).toHaveLength(14);
    expect(Object.keys(taskTypes).sort()).toEqual([...taskTypeEnum].sort());
  });

  it("names existing schemas that are members of the SampleAttributes / LabelAttributes unions", () => {
    const members = (union: string) =>
      ((schemas[union] as JsonObject).anyOf as JsonObject[]).map((m) => String(m.$ref).split("/").pop());
    for (const [taskType, { sample, label }] of Object.entries(taskTypes)) {
      expect(schemas[sample], `${taskType}.sample`).toBeDefined();
      expect(schemas[label], `${taskType}.label`).toBeDefined();
      expect(members("SampleAttributes")).toContain(sample);
      expect(members("LabelAttributes")).toContain(label);
    }
    expect(new Set(Object.values(taskTypes).map((t) => t.sample)).size).toBe(5);
    expect(new Set(Object.values(taskTypes).map((t) => t.label)).size).toBe(11);
  });

  it("agrees with the Label discriminator mapping", () => {
    const label = schemas.Label as JsonObject;
    const mapping = (label.discriminator as JsonObject).mapping as Record<string, string>;
    expect(Object.keys(mapping).sort()).toEqual(Object.keys(taskTypes).sort());
    for (const [taskType, ref] of Object.entries(mapping)) {
      const variant = ref.split("/").pop() as string;
      const own = ((schemas[variant] as JsonObject).allOf as JsonObject[])[1] as JsonObject;
      const props = own.properties as JsonObject;
      expect((props.label_type as JsonObject).enum, variant).toContain(taskType);
      // attributes: anyOf [the task type's label attributes, null] (the SDK's Label.attributes is Optional)
      const branches = (props.attributes as JsonObject).anyOf as JsonObject[];
      expect(branches.map((branch) => branch.$ref ?? branch.type)).toEqual([
        `#/components/schemas/${taskTypes[taskType]?.label}`,
        "null",
      ]);
    }
  });
});

describe("fixtures", () => {
  it.each(Object.entries(sampleAttributesFixtures))("%s validates against its own schema", (name, value) => {
    const own = validator.schema(name);
    expect(own(value), validator.errors(own)).toBe(true);
    const union = validator.schema("SampleAttributes");
    expect(union(value), validator.errors(union)).toBe(true);
  });

  it.each(Object.entries(labelAttributesFixtures))("%s validates against its own schema", (name, value) => {
    const own = validator.schema(name);
    expect(own(value), validator.errors(own)).toBe(true);
    const union = validator.schema("LabelAttributes");
    expect(union(value), validator.errors(union)).toBe(true);
    const put = validator.schema("LabelPut");
    expect(put({ attributes: value, label_status: "PRELABELED", score: 0.9 }), validator.errors(put)).toBe(
      true,
    );
  });

  it.each(Object.entries(taskTypes))(
    "a %s label validates as Label and as exactly its variant",
    (taskType, names) => {
      const attributes = labelAttributesFixtures[names.label as keyof typeof labelAttributesFixtures];
      const body = labelResponse(taskType, attributes);
      const label = validator.schema("Label");
      expect(label(body), validator.errors(label)).toBe(true);
      const mapping = ((schemas.Label as JsonObject).discriminator as JsonObject).mapping as Record<
        string,
        string
      >;
      const variants = new Set(Object.values(mapping).map((ref) => ref.split("/").pop() as string));
      const matching = [...variants].filter((variant) => validator.schema(variant)(body));
      expect(matching).toEqual([mapping[taskType]?.split("/").pop()]);
    },
  );

  it("sample fixtures validate inside a Sample and a SampleCreate body", () => {
    const sample = validator.schema("Sample");
    const create = validator.schema("SampleCreate");
    for (const attributes of Object.values(sampleAttributesFixtures)) {
      const body = { name: "sample-1", attributes, metadata: { weather: "sunny" }, priority: 0, readme: "" };
      expect(create(body), validator.errors(create)).toBe(true);
      const response = {
        ...body,
        uuid: "10130ecd-790e-463d-86ce-747f5c545c77",
        created_at: "2024-01-01T00:00:00Z",
        created_by: "jane",
        label: { label_status: "UNLABELED" },
      };
      expect(sample(response), validator.errors(sample)).toBe(true);
    }
  });
});

describe("negative cases", () => {
  const cuboidSequence = labelResponse(
    "pointcloud-cuboid-sequence",
    labelAttributesFixtures.PointcloudSequenceCuboidLabelAttributes,
  );

  it("a pointcloud-cuboid-sequence label is not a segmentation-bitmap label", () => {
    expect(validator.schema("SegmentationBitmapLabel")(cuboidSequence)).toBe(false);
    expect(validator.schema("ImageSequenceSegmentationLabel")(cuboidSequence)).toBe(false);
    expect(validator.schema("PointcloudSequenceCuboidLabel")(cuboidSequence)).toBe(true);
    // relabelled as segmentation-bitmap, its attributes no longer fit
    const mislabelled = { ...cuboidSequence, label_type: "segmentation-bitmap" };
    expect(validator.schema("Label")(mislabelled)).toBe(false);
  });

  it("a label with an unknown or empty label_type is rejected", () => {
    expect(validator.schema("Label")({ ...cuboidSequence, label_type: "text-named-entities" })).toBe(false);
    expect(validator.schema("Label")({ ...cuboidSequence, label_type: "" })).toBe(false);
  });

  it("segmentation label attributes need segmentation_bitmap", () => {
    const validate = validator.schema("ImageSegmentationLabelAttributes");
    expect(validate(badSegmentationNoBitmap)).toBe(false);
    expect(validator.errors(validate)).toContain("segmentation_bitmap");
    const label = validator.schema("Label");
    expect(label(labelResponse("segmentation-bitmap", badSegmentationNoBitmap))).toBe(false);
  });

  it("category_id null is rejected", () => {
    expect(validator.schema("ImageSegmentationLabelAttributes")(badSegmentationCategoryNull)).toBe(false);
    expect(validator.schema("LabelAttributes")(badSegmentationCategoryNull)).toBe(false);
    expect(validator.schema("LabelPut")({ attributes: badSegmentationCategoryNull })).toBe(false);
  });

  it("request bodies reject unknown keys", () => {
    const validate = validator.schema("SampleCreate");
    expect(validate(badSampleCreateTypo)).toBe(false);
    expect(validator.errors(validate)).toMatch(/additional properties|atributes/);
    expect(validator.schema("LabelPut")({ attributes: {}, status: "LABELED" })).toBe(false);
    expect(validator.schema("DatasetCreate")({ name: "flowers", enable_confirm_on_commit: true })).toBe(
      false,
    );
    expect(validator.schema("DatasetUpdate")({ name: "renamed" })).toBe(false);
  });

  it("deleteSamples takes 1..1000 uuids", () => {
    const validate = validator.schema("DeleteSamplesRequest");
    const uuid = "10130ecd-790e-463d-86ce-747f5c545c77";
    expect(validate({ uuids: [] })).toBe(false);
    expect(validate({ uuids: Array.from({ length: 1001 }, () => uuid) })).toBe(false);
    expect(validate({ uuids: Array.from({ length: 1000 }, () => uuid) })).toBe(true);
    expect(validate({ uuids: ["not-a-uuid"] })).toBe(false);
  });

  it("labelset attributes accept the SDK's string and an object, nothing else", () => {
    const validate = validator.schema("LabelsetCreate");
    expect(validate({ name: "predictions", description: "", attributes: "{}" })).toBe(true);
    expect(validate({ name: "predictions", attributes: {} })).toBe(true);
    expect(validate({ name: "predictions", attributes: 3 })).toBe(false);
    expect(validate({ name: "predictions", attributes: "not json" })).toBe(false);
  });

  it("sample updates may unassign with null", () => {
    const validate = validator.schema("SampleUpdate");
    expect(validate({ assigned_labeler: null, assigned_reviewer: null })).toBe(true);
    expect(validate({ assigned_labeler: 3 })).toBe(false);
  });

  it("anchors, vector annotations and cuboids are checked", () => {
    expect(validator.schema("IssueAnchor")({ type: "track" })).toBe(false);
    expect(validator.schema("IssueAnchor")({ type: "location", location: { type: "3d", x: 1, y: 2 } })).toBe(
      false,
    );
    expect(validator.schema("IssueAnchor")({ type: "sceneAttribute", sceneAttribute: "weather" })).toBe(true);
    const vector = validator.schema("ImageVectorAnnotation");
    expect(vector({ id: 1, category_id: 1, type: "circle", points: [[1, 2]] })).toBe(false);
    expect(vector({ id: -1, category_id: 1, type: "point", points: [[1, 2]] })).toBe(false);
    const pcVector = validator.schema("PointcloudVectorLabelAttributes");
    expect(pcVector({ annotations: [{ id: 1, category_id: 1, type: "cuboid", points: [[0, 0, 0]] }] })).toBe(
      false,
    );
  });

  it("overlapping attribute shapes are unions that accept ambiguous values (anyOf, not oneOf)", () => {
    expect(validator.schema("SampleAttributes")({ frames: [] })).toBe(true);
    expect(validator.schema("LabelAttributes")({ annotations: [] })).toBe(true);
    expect(validator.schema("LabelAttributes")({ frames: [] })).toBe(true);
  });

  it("the Error schema allows DRF field errors, with or without detail", () => {
    const validate = validator.schema("Error");
    expect(validate({ detail: "Invalid request body.", name: ["This field is required."] })).toBe(true);
    expect(validate({ name: ["This field is required."] })).toBe(true);
    expect(validate({ detail: null })).toBe(false);
    expect(validate({ detail: "x", name: [3] })).toBe(false);
  });

  it("dataset categories accept custom-... values only besides the enum", () => {
    const validate = validator.schema("Category");
    expect(validate("custom-warehouse")).toBe(true);
    expect(validate("garden")).toBe(true);
    expect(validate("warehouse")).toBe(false);
  });

  it("ReleaseFile validates a release document", () => {
    const validate = validator.schema("ReleaseFile");
    const file = {
      name: "v0.1",
      dataset: {
        name: "flowers",
        owner: "jane",
        task_type: "segmentation-bitmap",
        labelsets: [{ name: "ground-truth", description: "" }],
        samples: [
          {
            uuid: "10130ecd-790e-463d-86ce-747f5c545c77",
            name: "donuts.jpg",
            attributes: sampleAttributesFixtures.ImageSampleAttributes,
            labels: {
              "ground-truth": {
                label_status: "LABELED",
                attributes: labelAttributesFixtures.ImageVectorLabelAttributes,
              },
              predictions: null,
            },
          },
        ],
      },
    };
    expect(validate(file), validator.errors(validate)).toBe(true);
    expect(validate({ ...file, dataset: { ...file.dataset, labelsets: undefined, tasks: [] } })).toBe(false);
  });
});
