"""Rules as data for asking: how students word things, and how notes word the same thing.

Everything here is matched on *stems* (see `askwinston.ask.text.stem`), so "killed", "kills" and
"killing" are one entry. Keep entries general: they describe English and revision-note habits,
not one set of notes.
"""

from __future__ import annotations

IRREGULAR = {
    "shot": "shoot", "died": "die", "dying": "die", "deaths": "death",
    "led": "lead", "met": "meet", "won": "win", "took": "take", "taken": "take",
    "began": "begin", "begun": "begin", "wrote": "write", "written": "write", "said": "say",
    "says": "say", "fought": "fight", "fell": "fall", "fallen": "fall", "gave": "give",
    "given": "give", "got": "get", "went": "go", "gone": "go", "came": "come", "made": "make",
    "sent": "send", "held": "hold", "left": "leave", "lost": "lose", "built": "build",
    "became": "become", "ran": "run", "sold": "sell", "told": "tell", "thought": "think",
    "brought": "bring", "caught": "catch", "found": "find", "founded": "found", "chose": "choose",
    "chosen": "choose", "rose": "rise", "risen": "rise", "struck": "strike", "slain": "slay",
    "slew": "slay", "swore": "swear", "sworn": "swear", "men": "man", "women": "woman",
    "people": "people", "ppl": "people", "children": "child", "politburo": "politbureau",
    "govt": "government", "gov": "government", "bc": "bc", "was": "be", "were": "be",
    "is": "be", "are": "be", "been": "be", "married": "marry", "wives": "wife",
    "armies": "army", "countries": "country", "his": "his", "this": "this", "has": "have",
    "us": "us", "as": "as", "does": "do", "did": "do", "done": "do", "news": "news",
    "rode": "ride", "ridden": "ride", "flew": "fly", "flown": "fly", "drove": "drive",
    "driven": "drive", "fled": "flee", "hid": "hide", "hidden": "hide", "stole": "steal",
    "stolen": "steal", "spoke": "speak", "spoken": "speak", "bore": "bear", "borne": "bear",
    "knew": "know", "known": "know", "saw": "see", "seen": "see", "grew": "grow",
    "grown": "grow", "threw": "throw", "thrown": "throw", "paid": "pay", "laid": "lay",
    "won't": "will", "sank": "sink", "sunk": "sink", "forbade": "forbid", "forbidden": "forbid",
    "overthrew": "overthrow", "overthrown": "overthrow", "beaten": "beat", "kept": "keep",
    "felt": "feel", "meant": "mean", "stood": "stand", "understood": "understand",
    "bought": "buy", "sought": "seek", "taught": "teach", "dealt": "deal",
    "1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth",
}
"""Word forms a suffix stripper gets wrong, mapped to one stem-able base form."""

RELATED: dict[str, tuple[str, ...]] = {
    "kill": ("murder", "assassin", "assassinat", "shoot", "execut", "slay", "die", "stab"),
    "murder": ("kill", "assassin", "assassinat", "shoot", "execut", "slay", "die", "stab"),
    "assassinat": ("kill", "murder", "shoot", "assassin", "die"),
    "shoot": ("kill", "murder", "execut", "assassinat", "die"),
    "execut": ("kill", "shoot", "die", "hang", "behead"),
    "die": ("death", "dead", "kill", "murder", "shoot", "execut", "assassinat", "slay", "hang",
            "behead", "stab"),
    "death": ("die", "dead", "kill", "murder", "execut"),
    "replac": ("succeed", "successor", "takeover", "follow"),
    "succeed": ("replac", "successor", "takeover"),
    "successor": ("replac", "succeed", "takeover"),
    "takeover": ("replac", "succeed", "successor"),
    "head": ("leader", "chief", "lead", "run"),
    "leader": ("head", "chief", "lead"),
    "chief": ("head", "leader"),
    "lead": ("leader", "head", "command"),
    "start": ("begin", "found", "establish", "launch", "set", "form"),
    "begin": ("start", "launch"),
    "found": ("start", "establish", "form", "set"),
    "establish": ("found", "start", "form", "set"),
    "end": ("finish", "stop"),
    "stop": ("end", "finish"),
    "arrest": ("imprison", "prison", "jail", "detain"),
    "imprison": ("arrest", "prison", "jail"),
    "jail": ("prison", "imprison"),
    "marry": ("wife", "husband", "wed"),
    "wife": ("marry",),
    "husband": ("marry",),
    "win": ("victory", "defeat", "beat"),
    "beat": ("defeat", "win"),
    "defeat": ("beat", "win"),
    "sack": ("remov", "dismiss", "expel"),
    "remov": ("sack", "dismiss", "expel"),
    "dismiss": ("remov", "sack"),
    "expel": ("remov", "sack"),
    "vote": ("elect", "ballot"),
    "elect": ("vote",),
    "invad": ("invasion", "attack", "land"),
    "invasion": ("invad", "attack"),
    "attack": ("invad", "assault"),
    "sent": ("deport", "send", "exile"),
    "send": ("deport", "exile"),
    "deport": ("send", "exile"),
    "exile": ("deport", "send", "banish"),
    "say": ("claim", "declar", "announc", "told", "tell"),
    "caus": ("lead", "result", "reason"),
    "reason": ("caus", "because", "ground"),
    "write": ("author", "circulat", "draft", "publish"),
    "people": ("person", "men", "member"),
    "percentag": ("percent", "%"),
    "born": ("birth",),
    "birth": ("born",),
    "king": ("crown", "throne", "reign"),
    "crown": ("king", "throne", "queen"),
    "buy": ("sell", "purchas", "acquir"),
    "sell": ("buy", "purchas"),
    "purchas": ("buy", "sell", "acquir"),
}
"""Stem → stems that often say the same thing in notes (weighted lower than the word itself)."""

PHRASES: tuple[tuple[str, str], ...] = (
    ("took over from", "replaced"),
    ("take over from", "replace"),
    ("taken over from", "replaced"),
    ("took over", "takeover"),
    ("take over", "takeover"),
    ("came after", "succeeded"),
    ("come after", "succeed"),
    ("came before", "preceded"),
    ("in charge of", "head of"),
    ("set up", "founded"),
    ("got rid of", "removed"),
    ("get rid of", "remove"),
    ("passed away", "died"),
    ("put to death", "executed"),
    ("bumped off", "killed"),
)
"""Student phrasings rewritten before tokenising (question side only)."""

SYNONYM_WEIGHT = 0.7
"""A related word counts this much of the word itself, in retrieval and in confidence."""

FUZZY_WEIGHT = 0.85
"""A misspelt word matched to a spelling in the notes counts this much."""
