"""Entities: kinds voted on evidence, surnames linked, variants merged, roles and fates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from askwinston.analysis import entity_rules as rules
from askwinston.analysis.names import (
    are_variants,
    canonical_spelling,
    edit_distance,
    strip_possessive,
    surname,
)
from askwinston.analysis.pipeline import analyse_text
from askwinston.model import Entity, Knowledge

Find = Callable[[Knowledge, str], Entity | None]

NOTES = """The Fall of Ranek
Background
In March 1921 General Haldor Ranek was the commander of the northern army.
Ranek's brother was arrested in Varsk.
Minister Oskarov ordered Ranek to surrender - Ranek was shot in the prison yard.
The Ranek plan failed. Tsar Nicholas II visited Varsk.
Petrovsky was sacked. Petrowsky was replaced by Ivan Kolder. Boris Kolder was a general.
The Marovites and the Old Bolsheviks met the NKVD. The party central committee met.
"""


@pytest.fixture(scope="module")
def notes() -> Knowledge:
    return analyse_text(NOTES)


def kinds(k: Knowledge) -> dict[str, str]:
    return {e.name: e.kind for e in k.entities}


# ---------------------------------------------------------------- helpers, one rule at a time


@pytest.mark.parametrize(("text", "expected"), [
    ("Kirov’s", "Kirov"), ("Ranek's", "Ranek"), ("Jones'", "Jones"), ("Ranek", "Ranek"),
])
def test_strip_possessive(text: str, expected: str) -> None:
    assert strip_possessive(text) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Haldor Ranek", "Ranek"), ("Nicholas II", "Nicholas II"), ("Ranek", "Ranek"),
])
def test_surname(name: str, expected: str) -> None:
    assert surname(name) == expected


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert edit_distance("Yezhov", "Yehzov") == 1
    assert edit_distance("Yezhov", "Yezkhov") == 1
    assert edit_distance("abc", "abc") == 0


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Petrovsky", "Petrowsky", True),
    ("Yezhov", "Yehzkov", True),
    ("Ivan Kolder", "Boris Kolder", False),  # different people sharing a surname
    ("Kirov", "Rytov", False),  # short and dissimilar
    ("Ivan", "Iван", False),
    ("Lenin", "Lenon", True),
    ("Marx", "Manx", False),  # too short to merge by spelling
    ("Yezhov", "Ezhov", True),  # a transliteration that drops the leading Y
    ("Eden", "Aden", False),
])
def test_are_variants(a: str, b: str, same: bool) -> None:
    assert are_variants(a, b) is same


def test_canonical_spelling_is_the_medoid_then_the_first() -> None:
    assert canonical_spelling(["Yezhov", "Yezkhov", "Yehzkov"], [10, 20, 30]) == "Yezhov"
    assert canonical_spelling(["Brown", "Browne"], [5, 1]) == "Browne"


def test_rule_lists_are_lower_case() -> None:
    for words in (rules.TITLES, rules.ROLE_WORDS, rules.ORG_HEADS, rules.FATE_VERBS):
        assert all(w == w.lower() for w in words)


# ---------------------------------------------------------------- short notes


def test_title_makes_a_person_and_is_not_part_of_the_name(notes: Knowledge) -> None:
    assert kinds(notes)["Haldor Ranek"] == "person"
    assert "Nicholas II" in kinds(notes)
    assert not any(e.name.startswith(("General", "Tsar")) for e in notes.entities)


def test_surname_links_to_full_name(named: Find, notes: Knowledge) -> None:
    ranek = named(notes, "Ranek")
    assert ranek is not None and ranek.name == "Haldor Ranek" and "Ranek" in ranek.aliases


def test_headings_count_but_things_named_after_a_person_do_not(named: Find,
                                                                notes: Knowledge) -> None:
    ranek = named(notes, "Ranek")
    assert ranek is not None
    lines = {m.span.line for m in ranek.mentions}
    assert 1 in lines  # "The Fall of Ranek"
    assert 6 not in lines  # "The Ranek plan"


def test_role_and_fate(named: Find, notes: Knowledge) -> None:
    ranek = named(notes, "Ranek")
    assert ranek is not None
    assert ranek.description == "commander of the northern army"
    fates = [f.text for f in ranek.facts if f.kind == "fate"]
    assert any(f.startswith("shot") for f in fates)
    assert all(f.span.line in (3, 5) for f in ranek.facts)


def test_spelling_variants_merge_but_namesakes_do_not(named: Find, notes: Knowledge) -> None:
    p = named(notes, "Petrovsky")
    assert p is not None and p.variants == ["Petrowsky"]
    assert {f.text for f in p.facts if f.kind == "fate"} >= {"sacked", "replaced by Ivan Kolder"}
    koldres = [e for e in notes.entities if e.name.endswith("Kolder")]
    assert sorted(e.name for e in koldres) == ["Boris Kolder", "Ivan Kolder"]


def test_groups_and_organisations(notes: Knowledge) -> None:
    k = kinds(notes)
    assert k["Marovites"] == "group"
    assert k["Old Bolsheviks"] == "group"
    assert k["NKVD"] == "org"
    assert k["party central committee"] == "org"


def test_places_from_prepositions(notes: Knowledge) -> None:
    assert kinds(notes)["Varsk"] == "place"


def test_pronoun_takes_the_fate(named: Find) -> None:
    k = analyse_text("Notes\nMarkov was removed because he had failed and he was replaced "
                     "by Lenz.\n")
    markov = named(k, "Markov")
    assert markov is not None
    assert {"removed", "replaced by Lenz"} <= {f.text for f in markov.facts}


def test_no_adjective_or_ordinal_junk() -> None:
    k = analyse_text("Notes\nStalin killed many Russian generals.\n"
                     "In 1940 Stalin was the only survivor of Lenin’s 1st politbureau.\n")
    names = {e.name for e in k.entities}
    assert "Russian" not in names
    assert not any("1st" in n for n in names)
    assert kinds(k)["Lenin"] == "person"


# ---------------------------------------------------------------- seed gold


def test_seed_gold_people_found_with_their_lines(named: Find, seed_knowledge: Knowledge,
                                                 gold: dict[str, Any]) -> None:
    defensible_extra = {("Stalin", 22)}  # "a plot to kill Stalin" names him; gold omits the line
    for person in gold["people"]:
        entity = named(seed_knowledge, person["name"])
        assert entity is not None, person["name"]
        assert entity.kind == "person", person["name"]
        assert entity.name == person["name"]
        assert set(person["aliases"]) <= set(entity.aliases)
        lines = {m.span.line for m in entity.mentions}
        extra = {(person["name"], n) for n in lines - set(person["lines"])}
        assert set(person["lines"]) <= lines, person["name"]
        assert extra <= defensible_extra, person["name"]


def test_seed_not_people(seed_knowledge: Knowledge, gold: dict[str, Any]) -> None:
    people = {e.name.lower() for e in seed_knowledge.entities if e.kind == "person"}
    people |= {a.lower() for e in seed_knowledge.entities if e.kind == "person" for a in e.aliases}
    for name in gold["not_people"]:
        assert name.lower() not in people, name


def test_seed_organisations_and_places(seed_knowledge: Knowledge, gold: dict[str, Any]) -> None:
    found = {e.name.lower(): e.kind for e in seed_knowledge.entities}
    for name in gold["organisations"]:
        assert found.get(name.lower()) == "org", name
    for name in gold["places"]:
        assert found.get(name.lower()) == "place", name


def test_seed_no_junk_entities(seed_knowledge: Knowledge) -> None:
    names = {e.name for e in seed_knowledge.entities}
    assert not any(n in names for n in ("Russian", "Lenin’s 1st", "Rytov Platform"))


def test_seed_yezhov_spellings_merged(named: Find, seed_knowledge: Knowledge,
                                      gold: dict[str, Any]) -> None:
    for group in gold["name_variants"]:
        entity = named(seed_knowledge, group[0])
        assert entity is not None and entity.name == group[0]
        assert sorted(entity.variants) == sorted(group[1:])


def test_seed_roles_and_fates(named: Find, seed_knowledge: Knowledge) -> None:
    def texts(name: str, kind: str) -> list[str]:
        e = named(seed_knowledge, name)
        assert e is not None
        return [f.text for f in e.facts if f.kind == kind]

    assert any("party chief" in r for r in texts("Lominadze", "role"))
    assert any("head of the NKVD" in r for r in texts("Yagoda", "role"))
    assert any(r.startswith("head of a party committee") for r in texts("Rytov", "role"))
    assert "sacked" in texts("Lominadze", "fate")
    assert {"removed", "replaced by Yezhov"} <= set(texts("Yagoda", "fate"))
    assert "imprisoned" in texts("Kamenev", "fate")
    assert any(f.startswith("shot") for f in texts("Kirov", "fate"))


def test_person_names_end_at_lower_case_words_and_keep_epithets() -> None:
    k = analyse_text("Battle\nIn 1066 William defeated Harold at Hastings.\n"
                     "Edward the Confessor had died. Then 2,000 Normans died.\n")
    names = kinds(k)
    assert names.get("Harold") == "person" and "Harold at Hastings" not in names
    assert names.get("Edward the Confessor") == "person"
    assert names.get("Normans") == "group"
    edward = next(e for e in k.entities if e.name == "Edward the Confessor")
    assert edward.aliases == []  # an epithet is not a surname


def test_a_name_inside_a_longer_name_is_not_a_mention() -> None:
    k = analyse_text("Notes\nWilliam claimed the throne.\nWilliam Rufus became king in 1087.\n")
    william = next(e for e in k.entities if e.name == "William")
    assert {m.span.line for m in william.mentions} == {2}


def test_mentions_in_several_sources_keep_their_own_offsets() -> None:
    from askwinston.analysis.pipeline import analyse
    from askwinston.model import Source

    text = "Notes\nOskarov ordered the arrests.\n"
    k = analyse([Source(key="a.txt", path="a.txt", text=text),
                 Source(key="b.txt", path="b.txt", text=text)])
    oskarov = next(e for e in k.entities if e.name == "Oskarov")
    assert sorted(m.span.source for m in oskarov.mentions) == ["a.txt", "b.txt"]


def test_spacy_labels_of_one_name_count_once() -> None:
    """A name spaCy keeps calling a place is still a person when the notes say what was done
    to him: repeated labels are one opinion, the verbs are evidence."""
    from askwinston.analysis.entity_evidence import cluster_scores

    place = (("place", "place_label"),)
    scores = cluster_scores([place, place, place, (("place", "place_label"),
                                                   ("person", "patient"))])
    assert scores["person"] > scores["place"]


def test_a_name_in_a_list_with_a_person_and_the_same_label() -> None:
    k = analyse_text("Notes\nKamenko was arrested in 1935.\nKamenko and Zurov were tried.\n"
                     "Zurov and Kamenko were shot.\n")
    assert kinds(k).get("Zurov") == "person"


def test_no_article_before_a_person() -> None:
    k = analyse_text("Notes\nThe wall ran from the Tyne to the Solway.\n")
    assert kinds(k).get("Tyne") != "person"


def test_role_word_before_a_name_and_titles_alone() -> None:
    k = analyse_text("Notes\nThe governor Suetonius Paulinus beat her.\n"
                     "The Duke was killed at the battle.\n")
    assert kinds(k).get("Suetonius Paulinus") == "person"
    assert "Duke" not in kinds(k)


def test_regnal_numbers_make_monarchs() -> None:
    k = analyse_text("Notes\nEdward IV won the battle in 1471. Richard III was killed.\n")
    assert kinds(k).get("Edward IV") == "person"
    assert kinds(k).get("Richard III") == "person"


def test_label_names_a_person_only_with_evidence(named: Find) -> None:
    k = analyse_text("Notes\nProsecutor Andrei Vashkin: 'these traitors must all be shot'\n"
                     "The Iron Plan: the factories doubled their output.\n")
    vashkin = named(k, "Andrei Vashkin")
    assert vashkin is not None and vashkin.kind == "person"
    assert [q.speaker for q in k.quotes] == ["Andrei Vashkin"]
    assert not any("Iron" in e.name and e.kind == "person" for e in k.entities)


def test_kings_with_different_numbers_are_not_variants() -> None:
    assert not are_variants("Henry VI", "Henry VII")
    k = analyse_text("Notes\nHenry VI was deposed in 1461. Henry VII won at Bosworth in 1485.\n")
    assert {"Henry VI", "Henry VII"} <= set(kinds(k))


def test_apposition_naming_someone_else_is_not_a_role(named: Find) -> None:
    k = analyse_text("Notes\nKing Henry VI, his queen Margaret and their son Edward fled.\n")
    henry = named(k, "Henry VI")
    assert henry is not None
    assert not [f for f in henry.facts if f.kind == "role"]


def test_hyphenated_names_stay_whole() -> None:
    k = analyse_text("Notes\nAustria-Hungary declared war on Serbia in 1914.\n")
    assert kinds(k).get("Austria-Hungary") == "place"
    assert "Austria" not in kinds(k) and "Hungary" not in kinds(k)


def test_organisation_names_leave_out_describing_adjectives() -> None:
    k = analyse_text("Notes\nThe weakened army struggled. The new government fell in 1918.\n"
                     "Stalin was voted onto the party central committee.\n")
    names = kinds(k)
    assert names.get("army") == "org" and names.get("government") == "org"
    assert "weakened army" not in names and "new government" not in names
    assert names.get("party central committee") == "org"


def test_they_takes_the_fate_of_the_people_last_named_together(named: Find) -> None:
    k = analyse_text("Notes\nIn 1936 Kamenko and Zurov were brought from prison.\n"
                     "They were found guilty and shot.\n")
    for name in ("Kamenko", "Zurov"):
        person = named(k, name)
        assert person is not None
        fates = " / ".join(f.text for f in person.facts if f.span.line == 3)
        assert "found guilty" in fates and "shot" in fates


def test_battles_and_treaties_are_named_after_places() -> None:
    k = analyse_text("Notes\nRichard was killed at the Battle of Wakefield in 1460.\n"
                     "The Treaty of Kanagawa opened two ports in 1854.\n")
    names = kinds(k)
    assert names.get("Wakefield") == "place"
    assert names.get("Kanagawa") == "place"
    assert "Battle of Wakefield" not in names
