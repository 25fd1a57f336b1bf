"""Targets (values set for a future year) and measurements (values reported as achieved).

:mod:`.rules` holds the grammar of values both read with (data/quantities.json);
:mod:`.targets` and :mod:`.measurements` read one sentence each.
"""
from kg.extract.quantities.measurements import _MAY_MEASURE, _NUMERAL, _SENT_YEAR, measurements_in_sentence, planned_and_done
from kg.extract.quantities.rules import (
    _LEADING_YEARS,
    FUTURE_CLAUSE,
    PLAN_WORDS,
    _clean_indicator,
    is_plan_document,
    rules,
    value_pattern,
)
from kg.extract.quantities.targets import targets_in_sentence

__all__ = ["FUTURE_CLAUSE", "PLAN_WORDS", "is_plan_document", "measurements_in_sentence", "planned_and_done", "rules", "targets_in_sentence",
           "value_pattern", "_LEADING_YEARS", "_MAY_MEASURE", "_NUMERAL", "_SENT_YEAR", "_clean_indicator"]
