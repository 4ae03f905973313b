"""The reviewer's package data: format definitions, sample reports, translations.

Installed as the package `reviewer_resources` (see setup.py); read it only through `reviewer.resources`.
"""
