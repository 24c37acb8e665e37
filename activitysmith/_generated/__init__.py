"""Modules generated from openapi.yaml for the facade: rules, operations, types, helpers.

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""
