#!/usr/bin/env node
// Generates random workspaces, runs the real `changeset version` on them and records input and output,
// so that ChangesetsParityTest can check the Java release planner against @changesets/cli.
//
// Usage: node frontend/parity/generate.mjs --cases 300 --out target/parity/cases.json [--seed 1] [--batch 25] [--jobs N]
//
// It also records what @changesets/parse (the parser `changeset version` uses) makes of a fixed set of tricky
// changeset files, so that the Java parser can be checked for being exactly as lenient and as strict.
//
// Half the cases are random workspaces; the other half are, in turn, a range matrix (one package depended upon
// through each kind of range in one dependency section), a dependency chain six packages long, and a peer
// dependency cascade. Summaries may hold paragraphs, Markdown lists and inline code. What each case covered is
// judged from the tool's output (coverageOf) and recorded; the run fails when a feature is covered fewer than
// MIN_COVERAGE times.
//
// Cases are independent sub-workspaces: every package name is scoped per case and no case depends on
// another, so several cases share one temp workspace (one CLI run each) without influencing each other.
// Changesets sorts changeset files and package directories by name; the per-case prefixes keep the
// relative order inside a case, which is all the planner sees. --batch 1 gives one workspace per case; the
// recorded cases are byte-for-byte the same whatever the batch size.
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import parseChangeset from "@changesets/parse";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const cliPackageJson = path.join(here, "node_modules", "@changesets", "cli", "package.json");
const cliBin = path.join(here, "node_modules", "@changesets", "cli", "bin.js");

// NeuronX's .changeset/config.json, verbatim.
const CONFIG = {
  changelog: "@changesets/cli/changelog",
  commit: false,
  fixed: [],
  linked: [],
  access: "restricted",
  baseBranch: "main",
  updateInternalDependencies: "patch",
  ignore: [],
  ___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH: { onlyUpdatePeerDependentsWhenOutOfRange: true },
};

function parseArgs(argv) {
  const args = { cases: 300, out: "target/parity/cases.json", seed: 1, batch: 25, jobs: availableParallelism() };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in args) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]}`);
    }
    args[key] = key === "out" ? argv[i + 1] : Number(argv[i + 1]);
    if (key !== "out" && !(Number.isInteger(args[key]) && args[key] > 0)) {
      throw new Error(`--${key} needs a positive integer`);
    }
  }
  return args;
}

// mulberry32: tiny, seedable and identical on every Node version.
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    shuffle: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
  };
}

const PACKAGE_WORDS = ["core", "ui", "api", "cli", "utils", "auth", "store", "theme", "icons", "forms", "charts",
  "router", "logger", "config", "types", "testing", "docs", "sdk", "client", "server", "models", "i18n"];
const SUMMARY_WORDS = ["fix", "add", "support", "for", "the", "new", "button", "layout", "token", "cache", "error",
  "handling", "when", "user", "logs", "in", "remove", "deprecated", "option", "improve", "performance", "of",
  "rendering", "update", "types", "and", "docs", "allow", "custom", "retry", "timeout", "on", "requests"];
const ID_WORDS = ["brave", "calm", "cuddly", "eager", "fluffy", "happy", "lucky", "quiet", "shy", "wild", "cats",
  "dogs", "owls", "bees", "apples", "rivers", "dance", "jump", "sing", "sleep", "talk", "wave"];
const PRE_TAGS = ["alpha", "beta", "rc"];

function randomVersion(rng, preRelease) {
  const major = rng.weighted([[0, 3], [1, 5], [2, 3], [3, 1]]);
  const minor = rng.int(0, 5);
  const patch = rng.int(0, 5);
  let version = `${major}.${minor}.${patch}`;
  // Packages already on a prerelease: the tool graduates them in normal mode and, in pre mode,
  // continues numbering from their prerelease number (whatever its tag).
  if (rng.chance(preRelease ? 0.25 : 0.12)) {
    version += rng.chance(0.9) ? `-${rng.pick([...PRE_TAGS, "next"])}.${rng.int(0, 4)}` : `-${rng.pick(PRE_TAGS)}`;
  }
  return version;
}

// A range for `dependency` that is usually satisfied by its current version, sometimes looser, sometimes stale.
function randomRange(rng, dependencyVersion) {
  const [core, pre] = dependencyVersion.split("-");
  const [major, minor, patch] = core.split(".").map(Number);
  const kind = rng.weighted([["exact", 3], ["caret", 6], ["tilde", 3], ["caretLow", 2], ["gte", 1], ["star", 1],
    ["stale", 1], ["workspace", 2], ["xrange", 1]]);
  switch (kind) {
    case "exact":
      return dependencyVersion;
    case "caret":
      return `^${dependencyVersion}`;
    case "tilde":
      return `~${dependencyVersion}`;
    case "caretLow":
      return pre ? `^${dependencyVersion}` : `^${major}.${minor}.${Math.max(0, patch - 1)}`;
    case "gte":
      return `>=${dependencyVersion}`;
    case "star":
      return rng.pick(["*", "x"]);
    case "stale":
      return rng.pick(["^", "~", ""]) + `${major + 5}.0.0`;
    case "xrange":
      return `${major}.x`;
    default:
      return rng.pick(["workspace:*", "workspace:^", "workspace:~", `workspace:^${dependencyVersion}`]);
  }
}

const CODE_SPANS = ["foo()", "--verbose", "useCache", "x => x", "npm i", "1.2.3", "<Button>", "a  b", "`"];

// A few words, some of them code spans; code holding a backtick gets a double fence.
function markdownSentence(rng, words) {
  const out = [];
  for (let i = 0; i < words; i++) {
    if (rng.chance(0.15)) {
      const code = rng.pick(CODE_SPANS);
      out.push(code.includes("`") ? `\`\` ${code} \`\`` : rng.chance(0.1) ? `\` ${code} \`` : `\`${code}\``);
    } else {
      out.push(rng.pick(SUMMARY_WORDS));
    }
  }
  return out.join(" ");
}

// A bullet or ordered list, tight or loose, possibly nested, as people write them in changesets.
function markdownList(rng, depth) {
  const ordered = rng.chance(0.35);
  const marker = ordered ? rng.pick([".", ".", ")"]) : rng.pick(["-", "-", "*", "+"]);
  const start = ordered ? rng.weighted([[1, 8], [0, 1], [2, 1]]) : 0;
  const sameNumber = ordered && rng.chance(0.3);
  const items = [];
  for (let i = rng.int(1, 4); i > 0; i--) {
    const bullet = ordered ? `${sameNumber ? start : start + items.length}${marker}` : marker;
    const pad = " ".repeat(bullet.length + 1);
    let item = `${bullet} ${markdownSentence(rng, rng.int(1, 6))}`;
    if (rng.chance(0.15)) item += `\n${pad}${markdownSentence(rng, rng.int(1, 4))}`;
    if (depth < 2 && rng.chance(0.2)) {
      item += "\n" + markdownList(rng, depth + 1).split("\n").map((line) => (line ? pad + line : line)).join("\n");
    }
    items.push(item);
  }
  return items.join(rng.chance(0.2) ? "\n\n" : "\n");
}

// Paragraphs and lists: a list may follow a paragraph line directly, anything else follows a blank line.
function markdownSummary(rng) {
  const blocks = [];
  for (let b = rng.weighted([[1, 2], [2, 4], [3, 2], [4, 1]]); b > 0; b--) {
    const list = blocks.length > 0 && rng.chance(0.5) || blocks.length === 0 && rng.chance(0.15);
    const text = list ? markdownList(rng, 0) : Array.from({ length: rng.int(1, 3) }, () => markdownSentence(rng,
      rng.int(2, 7))).join("\n");
    const separator = blocks.length === 0 ? "" : list && !blocks[blocks.length - 1].list && rng.chance(0.3) ? "\n"
      : rng.chance(0.15) ? "\n\n\n" : "\n\n";
    blocks.push({ list, text: separator + text });
  }
  return blocks.map((block) => block.text).join("");
}

function randomSummary(rng) {
  if (rng.chance(0.4)) return markdownSummary(rng);
  const sentence = () => Array.from({ length: rng.int(2, 8) }, () => rng.pick(SUMMARY_WORDS)).join(" ");
  const paragraphs = [];
  for (let p = rng.weighted([[1, 6], [2, 3], [3, 1]]); p > 0; p--) {
    const lines = [];
    for (let l = rng.weighted([[1, 5], [2, 3], [3, 2]]); l > 0; l--) {
      let line = sentence();
      if (lines.length > 0 && rng.chance(0.2)) line = " ".repeat(rng.int(1, 6)) + line;
      if (rng.chance(0.1)) line = line.replace(" ", rng.pick(["   ", "\t", "  "]));
      if (rng.chance(0.1)) line += "  ";
      lines.push(line);
    }
    paragraphs.push(lines.join("\n"));
  }
  if (rng.chance(0.03)) return "";
  return paragraphs.join(rng.chance(0.2) ? "\n\n\n" : "\n\n");
}

function quoteKey(rng, name) {
  return rng.chance(0.5) ? JSON.stringify(name) : `'${name}'`;
}

const DEPENDENCY_KINDS = ["dependencies", "devDependencies", "peerDependencies"];
const RANGE_KINDS = ["workspace:*", "workspace:^", "workspace:~", "workspace:^X.Y.Z", "*", ">=X.Y.Z", "X.x", "X.Y.Z"];
const MIN_COVERAGE = 10;

function rangeOfKind(kind, version) {
  const major = version.split(".")[0];
  switch (kind) {
    case "workspace:^X.Y.Z":
      return `workspace:^${version}`;
    case ">=X.Y.Z":
      return `>=${version}`;
    case "X.x":
      return `${major}.x`;
    case "X.Y.Z":
      return version;
    default:
      return kind;
  }
}

function newPackage(caseId, word, version) {
  return { name: `@nx${caseId.slice(1)}/${word}`, version, dependencies: {}, devDependencies: {}, peerDependencies: {} };
}

function changesetId(rng, caseId, usedIds) {
  let id;
  do {
    // one to three words, so that some ids are prefixes of others ("x.md" sorts after "x-y.md")
    id = [caseId, ...Array.from({ length: rng.int(1, 3) }, () => rng.pick(ID_WORDS))].join("-");
  } while (usedIds.has(id));
  usedIds.add(id);
  return id;
}

function changeset(rng, id, bumps) {
  const lines = bumps.map(([pkg, bump]) => `${quoteKey(rng, pkg.name)}: ${bump}\n`);
  return { id, markdown: `---\n${lines.join("")}---\n\n${randomSummary(rng)}\n` };
}

function randomBump(rng) {
  return rng.weighted([["patch", 9], ["minor", 6], ["major", 3], ["none", 2]]);
}

// Random packages depending on each other through random ranges, and one to four changesets.
function randomWorkspace(rng, caseId, preRelease) {
  const count = rng.int(2, 8);
  const packages = rng.shuffle(PACKAGE_WORDS).slice(0, count)
    .map((word) => newPackage(caseId, word, randomVersion(rng, preRelease)));
  for (const pkg of packages) {
    if (rng.chance(0.3)) pkg.dependencies[rng.pick(["react", "lodash", "zod"])] = `^${rng.int(1, 18)}.0.0`;
    for (const dep of packages) {
      if (dep === pkg || !rng.chance(count > 5 ? 0.25 : 0.4)) continue;
      const kinds = rng.weighted([[["dependencies"], 6], [["devDependencies"], 2], [["peerDependencies"], 2],
        [["peerDependencies", "devDependencies"], 1], [["dependencies", "peerDependencies"], 1]]);
      for (const kind of kinds) pkg[kind][dep.name] = randomRange(rng, dep.version);
    }
  }
  const changesets = [];
  const usedIds = new Set();
  for (let c = rng.int(1, 4); c > 0; c--) {
    const targets = rng.shuffle(packages).slice(0, rng.weighted([[0, 1], [1, 10], [2, 5], [3, 2]]));
    changesets.push(changeset(rng, changesetId(rng, caseId, usedIds), targets.map((pkg) => [pkg, randomBump(rng)])));
  }
  return { packages, changesets };
}

// One package depended upon through every kind of range, all in the same dependency section.
function rangeMatrix(rng, caseId, preRelease, kind) {
  const [coreWord, ...words] = rng.shuffle(PACKAGE_WORDS);
  const core = newPackage(caseId, coreWord, randomVersion(rng, preRelease));
  const dependents = RANGE_KINDS.map((rangeKind, i) => {
    const pkg = newPackage(caseId, words[i], randomVersion(rng, preRelease));
    pkg[kind][core.name] = rangeOfKind(rangeKind, core.version);
    return pkg;
  });
  const usedIds = new Set();
  const changesets = [changeset(rng, changesetId(rng, caseId, usedIds), [[core, randomBump(rng)]])];
  if (rng.chance(0.5)) {
    changesets.push(changeset(rng, changesetId(rng, caseId, usedIds), [[rng.pick(dependents), randomBump(rng)]]));
  }
  return { packages: rng.shuffle([core, ...dependents]), changesets };
}

// Six packages each depending on the one before through a range that a release leaves, so that one changeset at
// the bottom travels five links up.
function dependencyChain(rng, caseId, preRelease) {
  const chain = rng.shuffle(PACKAGE_WORDS).slice(0, 6)
    .map((word) => newPackage(caseId, word, randomVersion(rng, preRelease)));
  for (let i = 1; i < chain.length; i++) {
    const dependency = chain[i - 1];
    const range = rng.weighted([[dependency.version, 5], [`workspace:${dependency.version}`, 2],
      [`~${dependency.version}`, 1], [`^${dependency.version}`, 1], ["workspace:*", 1]]);
    chain[i][rng.weighted([["dependencies", 8], ["peerDependencies", 2]])][dependency.name] = range;
  }
  const usedIds = new Set();
  const changesets = [changeset(rng, changesetId(rng, caseId, usedIds),
    [[chain[0], rng.weighted([["patch", 4], ["minor", 3], ["major", 2]])]])];
  if (rng.chance(0.3)) {
    changesets.push(changeset(rng, changesetId(rng, caseId, usedIds), [[rng.pick(chain), randomBump(rng)]]));
  }
  return { packages: rng.shuffle(chain), changesets };
}

// A peer dependency left by a minor or major release makes its dependent major, which its own dependents follow.
function peerCascade(rng, caseId, preRelease) {
  const [core, plugin, extension, app, tool] = rng.shuffle(PACKAGE_WORDS).slice(0, 5)
    .map((word) => newPackage(caseId, word, randomVersion(rng, preRelease)));
  plugin.peerDependencies[core.name] = rng.pick([`~${core.version}`, core.version, `workspace:~${core.version}`,
    `^${core.version}`]);
  plugin.devDependencies[core.name] = `workspace:*`;
  extension.peerDependencies[plugin.name] = rng.pick([`^${plugin.version}`, `workspace:^`, `~${plugin.version}`]);
  app.dependencies[extension.name] = rng.pick([`^${extension.version}`, `workspace:^${extension.version}`]);
  app.dependencies[plugin.name] = rng.pick([`^${plugin.version}`, "workspace:*"]);
  tool.devDependencies[app.name] = `^${app.version}`;
  const usedIds = new Set();
  const changesets = [changeset(rng, changesetId(rng, caseId, usedIds),
    [[core, rng.weighted([["minor", 4], ["major", 3], ["patch", 2]])]])];
  if (rng.chance(0.4)) {
    changesets.push(changeset(rng, changesetId(rng, caseId, usedIds),
      [[rng.pick([plugin, extension, app]), randomBump(rng)]]));
  }
  return { packages: rng.shuffle([core, plugin, extension, app, tool]), changesets };
}

// Half the cases are random workspaces; the other half the shapes that random ones rarely reach.
function generateCase(rng, index) {
  const caseId = `c${String(index).padStart(4, "0")}`;
  const preRelease = rng.chance(0.25) ? rng.pick(PRE_TAGS) : null;
  const shape = index % 6;
  const workspace = shape === 1 ? rangeMatrix(rng, caseId, preRelease, DEPENDENCY_KINDS[Math.floor(index / 6) % 3])
    : shape === 3 ? dependencyChain(rng, caseId, preRelease)
      : shape === 5 ? peerCascade(rng, caseId, preRelease)
        : randomWorkspace(rng, caseId, preRelease);
  return { id: caseId, preRelease, ...workspace };
}

function rangeKindOf(spec, version) {
  if (spec === version) return "X.Y.Z";
  if (/^workspace:\^\d/.test(spec)) return "workspace:^X.Y.Z";
  if (/^>=\d/.test(spec)) return ">=X.Y.Z";
  if (/^\d+\.x$/.test(spec)) return "X.x";
  return RANGE_KINDS.includes(spec) ? spec : null;
}

// What a case exercised, judged from the tool's output: a range counts only when its package was released.
function coverageOf(testCase) {
  const features = new Set();
  const before = new Map(testCase.packages.map((pkg) => [pkg.name, pkg]));
  const after = new Map(testCase.expected.map((pkg) => [pkg.name, pkg]));
  const released = (name) => before.get(name).version !== after.get(name).version;
  const releases = (markdown) => [...markdown.split("---")[1].matchAll(/^["']?([^"':]+)["']?: (\w+)$/gm)];
  for (const pkg of testCase.packages) {
    for (const kind of DEPENDENCY_KINDS) {
      for (const [name, spec] of Object.entries(pkg[kind])) {
        const rangeKind = before.has(name) && released(name) ? rangeKindOf(spec, before.get(name).version) : null;
        if (rangeKind) features.add(`range ${rangeKind} in ${kind}`);
      }
    }
    if (released(pkg.name)) {
      if (pkg.version.startsWith("0.")) features.add("0.x version released");
      if (pkg.version.includes("-")) {
        features.add(testCase.preRelease ? "prerelease package with pre mode" : "prerelease package without pre mode");
      }
    }
  }
  const requested = new Map();
  for (const { markdown } of testCase.changesets) {
    const bumps = releases(markdown);
    if (bumps.some(([, , bump]) => bump === "none")) features.add("none bump");
    for (const [, name, bump] of bumps) requested.set(name, [...(requested.get(name) ?? []), bump]);
    const summary = markdown.split(/^---$/m).slice(2).join("---").trim();
    if (bumps.some(([, name, bump]) => bump !== "none" && before.has(name))) {
      if (/\n[ \t]*\n/.test(summary)) features.add("multi-paragraph summary");
      if (/^[ \t]*([-*+]|\d+[.)])[ \t]/m.test(summary)) features.add("Markdown list in summary");
      if (/`[^`]+`/.test(summary)) features.add("inline code in summary");
    }
  }
  const dependsOn = (pkg) => [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]
    .filter((name) => before.has(name) && released(name));
  const depth = new Map();
  const chainLength = (pkg, seen) => {
    if (depth.has(pkg.name)) return depth.get(pkg.name);
    if (seen.has(pkg.name)) return 0;
    seen.add(pkg.name);
    const length = Math.max(0, ...dependsOn(pkg).map((name) => 1 + chainLength(before.get(name), seen)));
    depth.set(pkg.name, length);
    return length;
  };
  if (testCase.packages.some((pkg) => released(pkg.name) && chainLength(pkg, new Set()) >= 5)) {
    features.add("dependency chain five links deep");
  }
  const major = (pkg) => Number(after.get(pkg.name).version.split(".")[0]) > Number(pkg.version.split(".")[0]);
  for (const pkg of testCase.packages) {
    const peers = Object.keys(pkg.peerDependencies).filter((name) => before.has(name) && released(name));
    const ownMajor = (requested.get(pkg.name) ?? []).includes("major");
    const followed = testCase.packages.some((other) => released(other.name)
      && (other.dependencies[pkg.name] !== undefined || other.peerDependencies[pkg.name] !== undefined));
    if (peers.length > 0 && major(pkg) && !ownMajor && followed) features.add("peer dependency cascade");
  }
  return [...features];
}

function coverage(cases) {
  const counts = {};
  for (const feature of [...DEPENDENCY_KINDS.flatMap((kind) => RANGE_KINDS.map((r) => `range ${r} in ${kind}`)),
    "none bump", "dependency chain five links deep", "peer dependency cascade", "0.x version released",
    "prerelease package with pre mode", "prerelease package without pre mode", "multi-paragraph summary",
    "Markdown list in summary", "inline code in summary"]) {
    counts[feature] = 0;
  }
  for (const testCase of cases) {
    for (const feature of coverageOf(testCase)) counts[feature] = (counts[feature] ?? 0) + 1;
  }
  return counts;
}

// Edge cases for the changeset file parser: what it accepts, how it reads it, and what it rejects.
const PARSE_INPUTS = [
  '---\n"@nx/core": minor\n---\n\nAdd the thing\n',
  "---\n'@nx/core': patch\n\"@nx/ui\": major\nplain-name: none\n---\n\nSeveral packages\n",
  '---\n"2": patch\n"10": minor\nabc: major\n"1": none\n---\n\nInteger-like names come first\n',
  "---\n---\n\nAn empty changeset\n",
  "---\n---\n",
  "---\n\"@nx/core\": patch\n---",
  "Some text before\n---\n\"@nx/core\": patch\n---\n\nsummary\n",
  "\n\n   \n---\n\"@nx/core\": patch\n---\n\nsummary after blank lines\n",
  "---\r\n\"@nx/core\": patch\r\n---\r\n\r\nWindows line endings\r\nsecond line\r\n",
  "---\n\"@nx/core\": patch\n   ---\n\nIndented closing line\n",
  "---\n\"@nx/core\": patch\n--- trailing\n\nsummary\n",
  "---\n\"@nx/core\": patch\n---\n\nSummary with\n---\na rule inside\n",
  "---\n\"@nx/core\": Patch\n---\n\nWrong case\n",
  "---\n\"@nx/core\": 1\n---\n\nA number\n",
  "---\n\"@nx/core\":\n---\n\nNo bump type\n",
  "---\n\"@nx/core\": yes\n---\n\nYAML 1.1 boolean\n",
  "---\n\"@nx/core\": true\n---\n\nA boolean\n",
  "---\n- \"@nx/core\"\n---\n\nA list\n",
  "---\nhello\n---\n\nA scalar\n",
  "---\n0\n---\n\nA falsy scalar\n",
  "---\nfalse\n---\n\nA false scalar\n",
  "---\nnull\n---\n\nA null scalar\n",
  "---\n\"@nx/core\": patch: minor\n---\n\nBad YAML\n",
  "---\n\"@nx/core\": patch\n\"@nx/core\": minor\n---\n\nDuplicate key\n",
  "",
  "   \n\t\n",
  "Just text, no front matter\n",
  "---\n\"@nx/core\": patch\n",
  "---\n\"\": patch\n---\n\nEmpty name\n",
  "---\n\" \": patch\n---\n\nBlank name\n",
  "---\n# a comment\n\"@nx/core\": patch # trailing comment\n---\n\nComments\n",
  "---\n{\"@nx/core\": patch, \"@nx/ui\": minor}\n---\n\nFlow mapping\n",
  "---\ntrue: patch\nnull: minor\n---\n\nNon-string keys\n",
  "---\n\"@nx/core\": \"patch\"\n\"@nx/ui\": !!str minor\n---\n\nQuoted and tagged values\n",
  "---\n\"@nx/core\": &bump patch\n\"@nx/ui\": *bump\n---\n\nAnchors\n",
  "----\n\"@nx/core\": patch\n----\n\nFour dashes\n",
  "---\n\"@nx/core\": patch\n---\n\n\n\n  Indented summary\n    keeps inner indentation\n\n\n",
  "---\nmy package: patch\n---\n\nA name with a space\n",
  "---\n\"@nx/core\": major\n  \"@nx/ui\": minor\n---\n\nBad indentation\n",
  "\ufeff---\n\"@nx/core\": patch\n---\n\nByte order mark\n",
  "---\n\"@nx/core\": patch\n---\nSummary right after the closing line\n",
  "---\n\"@nx/core\": !custom patch\n---\n\nUnknown tag\n",
  "---\n\"@nx/core\": [patch]\n---\n\nA list as bump type\n",
  "---\n\"@nx/core\": 2024-01-01\n---\n\nA date\n",
  "---\n\t\"@nx/core\": patch\n---\n\nTab indentation\n",
];

function parseCases() {
  return PARSE_INPUTS.map((markdown, i) => {
    const file = `parse-${String(i).padStart(2, "0")}.md`;
    try {
      const { releases, summary } = parseChangeset(markdown);
      return { file, markdown, accepted: true, releases: releases.map(({ name, type }) => [name, type]), summary };
    } catch (error) {
      return { file, markdown, accepted: false, error: error.message.split("\n")[0] };
    }
  });
}

function packageJson(pkg) {
  const json = { name: pkg.name, version: pkg.version };
  for (const kind of ["dependencies", "devDependencies", "peerDependencies"]) {
    if (Object.keys(pkg[kind]).length > 0) json[kind] = pkg[kind];
  }
  return json;
}

function dependencyMaps(json) {
  return {
    dependencies: json.dependencies ?? {},
    devDependencies: json.devDependencies ?? {},
    peerDependencies: json.peerDependencies ?? {},
  };
}

// The tool writes "# <name>\n\n<entry>\n" into a new CHANGELOG.md; the entry is what the planner must produce.
function changelogEntry(changelog, name) {
  const header = `# ${name}\n\n`;
  if (!changelog.startsWith(header)) throw new Error(`unexpected CHANGELOG.md for ${name}:\n${changelog}`);
  return changelog.slice(header.length).trimEnd();
}

async function runBatch(batch) {
  const root = await mkdtemp(path.join(tmpdir(), "changesets-parity-"));
  try {
    await mkdir(path.join(root, ".changeset"), { recursive: true });
    await writeFile(path.join(root, "package.json"),
      JSON.stringify({ name: "parity-root", private: true, workspaces: ["packages/*"] }, null, 2) + "\n");
    await writeFile(path.join(root, ".changeset", "config.json"), JSON.stringify(CONFIG, null, 2) + "\n");
    for (const testCase of batch.cases) {
      for (const [i, pkg] of testCase.packages.entries()) {
        const dir = path.join(root, "packages", `${testCase.id}-p${i}`);
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, "package.json"), JSON.stringify(packageJson(pkg), null, 2) + "\n");
      }
      for (const changeset of testCase.changesets) {
        await writeFile(path.join(root, ".changeset", `${changeset.id}.md`), changeset.markdown);
      }
    }
    const env = { ...process.env, NO_COLOR: "1", CI: "true" };
    if (batch.preRelease) {
      await run(process.execPath, [cliBin, "pre", "enter", batch.preRelease], { cwd: root, env });
    }
    await run(process.execPath, [cliBin, "version"], { cwd: root, env });
    return batch.cases.map((testCase) => ({
      ...testCase,
      expected: testCase.packages.map((pkg, i) => {
        const dir = path.join(root, "packages", `${testCase.id}-p${i}`);
        const json = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
        const changelogPath = path.join(dir, "CHANGELOG.md");
        return {
          name: json.name,
          version: json.version,
          ...dependencyMaps(json),
          changelog: existsSync(changelogPath) ? changelogEntry(readFileSync(changelogPath, "utf8"), json.name) : null,
        };
      }),
    }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function runAll(batches, jobs) {
  const results = new Array(batches.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < batches.length) {
      const index = nextIndex++;
      results[index] = await runBatch(batches[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, batches.length) }, worker));
  return results.flat();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(cliBin)) {
    throw new Error(`@changesets/cli is not installed; run: npm ci --prefix ${path.relative(process.cwd(), here)}`);
  }
  const started = Date.now();
  const rng = prng(args.seed);
  const cases = Array.from({ length: args.cases }, (_, i) => generateCase(rng, i));
  // One workspace per batch: pre mode is workspace-wide, so cases are grouped by pre tag first.
  const batches = [];
  for (const preRelease of [null, ...PRE_TAGS]) {
    const group = cases.filter((c) => c.preRelease === preRelease);
    for (let i = 0; i < group.length; i += args.batch) {
      batches.push({ preRelease, cases: group.slice(i, i + args.batch) });
    }
  }
  const results = (await runAll(batches, args.jobs)).sort((a, b) => a.id.localeCompare(b.id));
  const cliVersion = JSON.parse(await readFile(cliPackageJson, "utf8")).version;
  const covered = coverage(results);
  const missing = Object.entries(covered).filter(([, count]) => count < MIN_COVERAGE);
  if (missing.length > 0) {
    throw new Error(`cases cover these features fewer than ${MIN_COVERAGE} times (raise --cases): `
      + missing.map(([feature, count]) => `${feature}: ${count}`).join(", "));
  }
  const out = path.resolve(args.out);
  await mkdir(path.dirname(out), { recursive: true });
  const document = { changesetsCli: cliVersion, seed: args.seed, config: CONFIG, minCoverage: MIN_COVERAGE,
    coverage: covered, cases: results, parseCases: parseCases() };
  await writeFile(out, JSON.stringify(document, null, 2) + "\n");
  console.log(`changesets parity: ${results.length} cases and ${PARSE_INPUTS.length} parser cases from @changesets/cli ${cliVersion} in `
    + `${((Date.now() - started) / 1000).toFixed(1)} s -> ${out}`);
}

main().catch((error) => {
  console.error(error.stderr ? `${error.message}\n${error.stderr}` : error);
  process.exit(1);
});
