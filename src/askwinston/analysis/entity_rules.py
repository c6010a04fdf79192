"""Who-is-what rules as data: titles, name particles, group suffixes, role words, person verbs.

Every list is general English or general history vocabulary; none names anyone in particular.
`entities.py` turns these into evidence weights and votes across the notes.
"""

from __future__ import annotations

from askwinston.analysis.lexicon import words

KIND_OF_LABEL = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place",
                 "FAC": "place", "NORP": "group"}
"""spaCy labels → askwinston kinds (the label is one vote among several, not the answer)."""

NOT_NAME_LABELS = frozenset({"EVENT", "LAW", "PRODUCT", "LANGUAGE"})
"""spaCy entities that name wars, acts and things: their words are nobody's name."""

TITLES = words(
    "general tsar czar tsarina king queen emperor empress kaiser president premier chancellor "
    "comrade marshal admiral colonel captain major lieutenant sergeant commander prince princess "
    "lord lady sir dame duke duchess count countess baron pope cardinal bishop archbishop "
    "father dr mr mrs ms miss professor minister secretary chairman field-marshal "
    "archduke grand commodore shogun sultan caliph khan chief prosecutor governor earl "
    "protector regent viscount marquess"
)
"""Words before a name that make it a person's name ("General Ludendorff", "Tsar Nicholas II")."""

NAME_PARTICLES = words("von van de der den la le du da di del bin ibn al el ter ten")
"""Lower-case particles inside a person's name ("Otto von Bismarck")."""

REGNAL_NUMBERS = words("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI")
"""Roman numerals after a monarch's name: part of the name, never a surname."""

GROUP_SUFFIXES = ("ites", "ists", "ians", "ist", "ite")
"""Followers or members, and their adjectives: "Trotskyites", "Marxists", "a Yorkist army"."""

PARTY_NAMES = words(
    "bolsheviks mensheviks nazis jacobins girondins tories whigs kadets octobrists "
    "spartacists fascists communists"
)
"""Political parties named by their members: an organisation when bare ("the Bolsheviks"), a
group of people when qualified ("Old Bolsheviks")."""

ORG_HEADS = words(
    "party congress committee politbureau politburo army navy government cabinet parliament "
    "soviet duma reichstag council league union church police court assembly senate cheka "
    "ogpu gestapo ss sa comintern ministry commissariat bureau"
)
"""Nouns that make a phrase an organisation ("party central committee", "the Army")."""

NOT_NAMES = words(
    "i the a an he she they we it this that these those his her their our my your one two "
    "only ending new some many most all both bc ad bce ce"
)
"""Capitalised words that start sentences but never name anyone."""

ROLE_WORDS = words(
    "head chief leader secretary commander general minister president chairman member "
    "founder deputy commissar governor boss director premier tsar king queen emperor marshal "
    "officer ambassador survivor rival successor heir ally assassin murderer organiser "
    "organizer editor spokesman prosecutor judge envoy"
)
"""Nouns of appositions and copulas that state a role ("Yagoda the head of the NKVD")."""

PERSON_OF_NOUNS = words(
    "murder death assassination execution arrest trial removal dismissal fall downfall "
    "son daughter wife husband brother sister father mother family widow children "
    "bodyguard bodyguards supporters followers friend friends rival rivals successor "
    "entourage life career speech policies policy letter testament purges purge rule "
    "leadership power government politbureau politburo cabinet"
)
"""Nouns whose possessor ("X's son") or of-object ("the murder of X") is a person."""

HUMAN_VERBS = words(
    "say claim order want confess believe decide argue write state announce call deny admit "
    "plan try promise walk rush fear hate vote stand make keep kill defeat murder appoint "
    "dismiss accuse blame speak tell think know agree refuse demand win lose die marry "
    "flee escape return visit lead rule command sign resign insist complain threaten"
)
"""Verbs whose subject is a person (or a body of people, which other evidence separates)."""

ACTION_VERBS = words(
    "raid invade conquer capture seize besiege burn build found reign crown abdicate betray "
    "attack beat sail march land fight govern unite reform rebel revolt stay raise send "
    "lead rule run go come travel arrive leave move escape"
)
"""Verbs whose subject is often a person but may be a state or an army: weaker evidence."""

PATIENT_VERBS = words(
    "shoot arrest execute imprison sack murder kill assassinate exile replace remove order "
    "try sentence find appoint elect dismiss purge expel deport torture blame make defeat "
    "accuse banish jail hang poison succeed attack convict condemn capture depose overthrow "
    "behead wound crown elect bring hit"
)
"""Verbs whose object, or passive subject, is usually a person ("Stalin ordered Yagoda")."""

FATE_VERBS = words(
    "sack shoot imprison arrest remove replace execute find kill murder assassinate exile "
    "deport expel purge dismiss hang sentence jail banish poison torture demote try "
    "batter beat convict condemn attack behead depose overthrow wound capture"
)
"""Verbs that, done to a person, are their fate: "was sacked", "replaced by Yezhov"."""

DEATH_VERBS = words("die starve drown perish")
"""Intransitive verbs that are a fate of their subject ("… and died the next day")."""

REFLEXIVES = words("himself herself")
"""'Yagoda himself' — only people are 'himself'."""

PLACE_OF_NOUNS = words("battle siege treaty sack peace")
"""Nouns whose "of" names a place: "the Battle of Wakefield", "the Treaty of Kanagawa"."""

PLACE_PREPOSITIONS = words("in from to at into near towards across through inside")
"""'in X', 'from X to Y': weak evidence that X is a place."""

SUBJECT_PRONOUNS = words("he she")
OBJECT_PRONOUNS = words("him her")
"""Singular personal pronouns that take a fate from the verb they belong to."""

PLURAL_PRONOUNS = words("they them")
"""Plural pronouns: their fates go to the people last named together as a subject."""

WEIGHTS = {
    "label": 1.0,  # spaCy's own label
    "place_label": 1.25,  # spaCy's GPE/LOC/FAC: countries act in history ("Germany invaded")
    "listed_with": 1.0,  # listed with a name resolved as a person elsewhere in the notes
    "agent": 1.0,
    "determiner": -1.5,  # "the Tyne", "the Army": a person's name takes no article
    "trimmed_label": 0.0,  # the label of an entity span that had to be trimmed ("Lenin’s 1st")
    "title": 3.0,
    "role": 3.0,
    "reflexive": 3.0,
    "human_subject": 2.0,
    "patient": 2.0,
    "person_noun": 2.0,
    "coordinated": 1.0,  # coordinated with a name that has person evidence
    "place_preposition": 1.0,
    "place_of": 2.0,  # "the Battle of X", "the Treaty of X"
    "org_head": 3.0,
    "acronym": 2.0,
    "group_suffix": 4.0,
    "plural_name": 3.0,
    "party": 4.0,
}
"""How much each kind of evidence counts in the vote for an entity's kind."""

LABEL_REASONS = frozenset({"label", "place_label", "trimmed_label"})
WEAK_REASONS = frozenset({"agent", "place_preposition", "coordinated", "determiner", "listed_with"})
"""Clues that count once per name however often they recur."""

TIE_BREAK = 0.01
"""Evidence from the notes themselves outweighs spaCy's label when the votes are otherwise tied."""

MAX_SURNAME_DISTANCE = {5: 1, 6: 2}
"""Spelling variants: largest edit distance allowed for a surname of at least this length
(shorter names are never merged by spelling)."""

MIN_LEADING_DROP_LENGTH = 5
"""A name of at least this length that differs from another only by a dropped first letter
("Ezhov"/"Yezhov") is a variant spelling."""

MAX_FACT_WORDS = 12
"""Roles and fates are short phrases; longer ones are cut at a clause boundary."""
