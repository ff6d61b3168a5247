#!/usr/bin/env python3
"""Writes a large exercise catalog for the benchmarks: PACKS packs of PER_PACK exercises,
each exercise a variation of one of the built-in lumbar exercises (figure included), with
names, aliases and summaries drawn from a vocabulary so that search sees realistic
variety (accents, several languages, shared words). Also writes queries.txt: the search
queries the search benchmark replays (names, aliases, partial words, accented and
unaccented spellings, several words).

Usage: make_catalog.py LUMBAR_EXERCISES_DIR OUT_DIR [PACKS PER_PACK]

Deterministic (seeded). OUT_DIR/.generator holds the generator version and the sizes; a
run whose stamp matches leaves the files alone, so the data is made once per build dir.
"""
import json
import random
import shutil
import sys
from pathlib import Path

# Bump when the output changes, so cached catalogs are made again.
GENERATOR_VERSION = 1

REGIONS = ["hamstring", "hip flexor", "adductor", "glute", "piriformis", "quadriceps", "calf",
           "lumbar", "thoracic", "neck", "shoulder", "oblique", "psoas", "iliotibial band",
           "soleus", "rotator cuff", "trapezius", "pectoral", "ankle", "wrist"]
ACTIONS = ["stretch", "release", "hold", "activation", "mobilisation", "rotation", "press-up",
           "bridge", "raise", "slide", "circle", "tilt", "twist", "reach", "rock"]
POSITIONS = ["standing", "seated", "supine", "prone", "side-lying", "kneeling", "half-kneeling",
             "quadruped", "wall-supported", "chair-supported"]
MODIFIERS = ["active", "passive", "assisted", "banded", "dynamic", "isometric", "eccentric",
             "gentle", "progressive", "loaded", "single-leg", "alternating", "end-range", "slow"]
# Other languages a vendor pack may use: accents and letters beyond ASCII.
FOREIGN = ["étirement du psoas", "Dehnung für Hüftbeuger", "estiramiento de isquiotibiales",
           "rotação torácica", "mobilización lumbar", "Kräftigung der Gesäßmuskeln",
           "élévation de la jambe", "Schulterblatt-Übung", "ponte glútea", "équilibre unipodal",
           "Nackenmobilisation", "stretching dei flessori dell'anca", "Łydka rozciąganie",
           "Beckenkippung im Vierfüßlerstand", "glissement neural du nerf sciatique"]
SUMMARY_OPENERS = ["Loosen", "Strengthen", "Mobilise", "Wake up", "Calm", "Lengthen", "Steady",
                   "Control", "Release"]
SUMMARY_ENDS = ["to ease low-back pain", "so that bending and lifting feel easier",
                "before a walk or a run", "after a long day at a desk", "to sleep more comfortably",
                "while keeping your spine neutral", "with slow, pain-free breathing"]


def exercise_from(template, rng, pack_id, index, ids):
    name_parts = [rng.choice(MODIFIERS), rng.choice(REGIONS), rng.choice(ACTIONS)]
    if rng.random() < 0.3:
        name_parts.append("(" + rng.choice(POSITIONS) + ")")
    name = " ".join(name_parts)
    name = name[0].upper() + name[1:]
    if rng.random() < 0.12:
        name = rng.choice(FOREIGN).capitalize() + " " + str(index)
    base = "-".join(p.strip("()") for p in name_parts).lower().replace(" ", "-")
    ex_id = f"{base}-{index}"
    ex = json.loads(json.dumps(template))  # deep copy
    ex["id"] = ex_id
    ex["name"] = name
    aliases = list(template["aliases"][:2])
    aliases.append(f"{rng.choice(REGIONS)} {rng.choice(ACTIONS)}")
    if rng.random() < 0.5:
        aliases.append(rng.choice(FOREIGN))
    ex["aliases"] = aliases
    region = rng.choice(REGIONS)
    ex["summary"] = (f"{rng.choice(SUMMARY_OPENERS)} your {region} and {rng.choice(REGIONS)} "
                     f"{rng.choice(SUMMARY_ENDS)}; {template['summary'][0].lower()}{template['summary'][1:]}")
    ex["regions"] = sorted({region, rng.choice(REGIONS)})
    # Some exercises lead on to the one before, so references are checked too.
    ex["progressions"] = [ids[-1]] if ids and index % 5 == 0 else []
    ex["regressions"] = []
    # Move the figure a little, so no two exercises share every number.
    shift = rng.uniform(-2, 2)
    for pose in ex.get("figure", {}).get("poses", []):
        for joint, (x, y) in pose["joints"].items():
            pose["joints"][joint] = [round(x + shift, 1), y]
    return ex


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    lumbar = Path(sys.argv[1])
    out = Path(sys.argv[2])
    packs = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    per_pack = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    stamp = f"version {GENERATOR_VERSION} packs {packs} per-pack {per_pack}\n"
    stamp_file = out / ".generator"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        print(f"catalog: up to date ({packs * per_pack} exercises)")
        return
    if out.exists():
        shutil.rmtree(out)
    templates = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(lumbar.glob("*.json"))]
    rng = random.Random(11)
    plugins = out / "plugins"
    queries = []
    for p in range(packs):
        pack_id = f"vendor-{p:03d}"
        folder = plugins / pack_id
        (folder / "exercises").mkdir(parents=True)
        manifest = {"kind": "exercise-pack", "id": pack_id, "name": f"Vendor pack {p}", "version": "1.0.0",
                    "api": 1, "author": "Benchmark vendor", "license": "CC-BY-4.0",
                    "description": "Generated for the performance benchmarks."}
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        ids = []
        for i in range(per_pack):
            ex = exercise_from(templates[(p * per_pack + i) % len(templates)], rng, pack_id,
                               p * per_pack + i, ids)
            ids.append(ex["id"])
            text = json.dumps(ex, indent=2, ensure_ascii=False)
            (folder / "exercises" / f"{ex['id']}.json").write_text(text, encoding="utf-8")
            if rng.random() < 0.06:
                queries.append(query_for(ex, rng))
    while len(queries) < 1000:
        queries.append(rng.choice(REGIONS + ACTIONS + FOREIGN))
    rng.shuffle(queries)
    (out / "queries.txt").write_text("\n".join(queries[:1000]) + "\n", encoding="utf-8")
    stamp_file.write_text(stamp)
    print(f"catalog: wrote {packs * per_pack} exercises in {packs} packs to {plugins}")


def strip_accents(text):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def query_for(ex, rng):
    """What a clinician types: a whole name or alias, the start of a word, two words, with
    or without accents, in any case."""
    kind = rng.randrange(6)
    words = ex["name"].split()
    if kind == 0:
        return ex["name"]
    if kind == 1:
        return rng.choice(ex["aliases"])
    if kind == 2:
        word = rng.choice(words)
        return word[: max(3, len(word) // 2)]
    if kind == 3:
        return " ".join(w[:4] for w in words[:2])
    if kind == 4:
        return strip_accents(rng.choice(ex["aliases"] + [ex["name"]])).upper()
    return rng.choice(ex["regions"]) + " " + rng.choice(words)[:5]


if __name__ == "__main__":
    main()
