"""The facade generator: openapi.yaml -> activitysmith/_generated/ and the CLI's flag table."""
