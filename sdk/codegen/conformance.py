"""Emits the conformance suite's sample calls (filled in later)."""


def generate(spec, ops, version):
    return {}
