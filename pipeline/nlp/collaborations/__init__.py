"""Collaborations stage: each collaboration between two or more forces that the article describes.

A collaboration is read from a sentence part (sentences are cut at ';', 'while', 'whereas', which
join separate schemes in round-ups) that holds a collaboration cue ("alliance", "share", "joint",
"merge", "work together", a collaboration name) and names two or more forces. Forces come from
``doc.spans["forces"]``, plus area names ("Cleveland and Durham") of forces the article names
elsewhere, plus references resolved against the forces named before: "the two forces", "both
forces", "its two neighbours", "the forces", "the force", "four of them"; less the forces the part
leaves out ("all except Lincolnshire", "apart from Kent"). Parts that describe the same set of
forces are one collaboration (the scorer, and a reader, identify a collaboration by its forces).

Members are what the cue governs (``members``: not a force compared with it, in a cue-less clause of
its own, speaking, left alone, or a place); a part can hold several collaborations (``groups``,
``split``: lists of pairs, coordinated groups, names with their own forces).

Modules: ``component`` (the spaCy component), and the rules, pure functions: ``cues`` (the lexicon),
``parts`` (sentence parts, cues), ``mentions`` (forces, lists, exclusions, mergers, countries),
``members``, ``groups`` and ``split``, ``references`` and ``resolve`` (what 'the two forces' stands
for), ``names``, ``stage`` (proposed ... ended), ``merge`` (type, one per set of forces).

Cues, names and types are data: ``models/collaborations.json`` (and the shared ``models/words.json``).
Results: ``doc._.collaborations``, one dict per collaboration: name (or None), type (or None), stage,
forces (canonical names), and the evidence (the name where there is one, else the sentence part).
"""

from pipeline.nlp.collaborations.component import COMPONENT, CollaborationFinder, make_collaboration_finder

__all__ = ["COMPONENT", "CollaborationFinder", "make_collaboration_finder"]
