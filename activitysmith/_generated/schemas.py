"""The rules of every request body, as JSON Schema (compiled by `_rules` on first use).

Generated from openapi.yaml by `make generate` (scripts/codegen); do not edit.
"""

from typing import Any, Final

SCHEMAS: Final[dict[str, Any]] = {
    "ActionType": {"type": "string", "enum": ["open_url", "webhook"]},
    "ActivityMetric": {
        "type": "object",
        "required": ["label", "value"],
        "properties": {
            "label": {"type": "string", "minLength": 1},
            "value": {
                "oneOf": [
                    {"type": "number", "minimum": 0},
                    {"type": "string", "minLength": 1, "maxLength": 64},
                ]
            },
            "unit": {"type": "string"},
            "color": {"$ref": "LiveActivityColor"},
        },
        "additionalProperties": False,
    },
    "AlertPayload": {
        "type": "object",
        "properties": {"title": {"type": "string"}, "body": {"type": "string"}},
        "additionalProperties": False,
    },
    "AppIconBadgeCountUpdateRequest": {
        "type": "object",
        "required": ["badge"],
        "properties": {
            "badge": {"type": "integer", "minimum": 0, "maximum": 2147483647},
            "target": {"$ref": "ChannelTarget"},
        },
        "additionalProperties": False,
    },
    "ChannelTarget": {
        "type": "object",
        "required": ["channels"],
        "properties": {
            "channels": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string", "minLength": 1},
            }
        },
        "additionalProperties": False,
    },
    "ContentStateEnd": {
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "x-activitysmith-not-blank": True},
            "subtitle": {"type": "string"},
            "type": {"$ref": "LiveActivityType"},
            "number_of_steps": {"type": "integer", "minimum": 1},
            "current_step": {
                "type": "integer",
                "minimum": 0,
                "x-activitysmith-at-most-field": "number_of_steps",
            },
            "percentage": {"type": "number", "minimum": 0, "maximum": 100},
            "value": {"$ref": "LiveActivityValue"},
            "upper_limit": {"type": "number", "exclusiveMinimum": 0},
            "duration_seconds": {"type": "number", "exclusiveMinimum": 0},
            "counts_down": {"type": "boolean"},
            "is_running": {"type": "boolean"},
            "metrics": {
                "type": "array",
                "minItems": 1,
                "maxItems": 8,
                "items": {"$ref": "ActivityMetric"},
            },
            "message": {"type": "string", "minLength": 1},
            "icon": {"$ref": "LiveActivityAlertIcon"},
            "badge": {"$ref": "LiveActivityAlertBadge"},
            "color": {"$ref": "LiveActivityColor"},
            "step_color": {"$ref": "LiveActivityColor"},
            "step_colors": {"type": "array", "items": {"$ref": "LiveActivityColor"}},
            "auto_dismiss_minutes": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
        "if": {"properties": {"type": {"const": "progress"}}, "required": ["type"]},
        "then": {
            "properties": {"value": {"type": "number"}},
            "dependentRequired": {"value": ["upper_limit"], "upper_limit": ["value"]},
        },
    },
    "ContentStateStart": {
        "type": "object",
        "required": ["title", "type"],
        "properties": {
            "title": {"type": "string", "x-activitysmith-not-blank": True},
            "subtitle": {"type": "string"},
            "type": {"$ref": "LiveActivityType"},
            "number_of_steps": {"type": "integer", "minimum": 1},
            "current_step": {
                "type": "integer",
                "minimum": 0,
                "x-activitysmith-at-most-field": "number_of_steps",
            },
            "percentage": {"type": "number", "minimum": 0, "maximum": 100},
            "value": {"$ref": "LiveActivityValue"},
            "upper_limit": {"type": "number", "exclusiveMinimum": 0},
            "duration_seconds": {"type": "number", "exclusiveMinimum": 0},
            "counts_down": {"type": "boolean"},
            "is_running": {"type": "boolean"},
            "metrics": {
                "type": "array",
                "minItems": 1,
                "maxItems": 8,
                "items": {"$ref": "ActivityMetric"},
            },
            "message": {"type": "string", "minLength": 1},
            "icon": {"$ref": "LiveActivityAlertIcon"},
            "badge": {"$ref": "LiveActivityAlertBadge"},
            "color": {"$ref": "LiveActivityColor"},
            "step_color": {"$ref": "LiveActivityColor"},
            "step_colors": {"type": "array", "items": {"$ref": "LiveActivityColor"}},
        },
        "additionalProperties": False,
        "if": {"properties": {"type": {"const": "progress"}}, "required": ["type"]},
        "then": {
            "properties": {"value": {"type": "number"}},
            "dependentRequired": {"value": ["upper_limit"], "upper_limit": ["value"]},
            "anyOf": [{"required": ["percentage"]}, {"required": ["value", "upper_limit"]}],
        },
        "else": {
            "if": {"properties": {"type": {"const": "segmented_progress"}}},
            "then": {"required": ["number_of_steps", "current_step"]},
            "else": {
                "if": {
                    "properties": {"type": {"anyOf": [{"const": "metrics"}, {"const": "stats"}]}}
                },
                "then": {"required": ["metrics"]},
                "else": {
                    "if": {"properties": {"type": {"const": "alert"}}},
                    "then": {"required": ["message"]},
                    "else": {
                        "if": {"properties": {"type": {"const": "timer"}}},
                        "then": {
                            "anyOf": [
                                {"required": ["duration_seconds"]},
                                {
                                    "required": ["counts_down"],
                                    "properties": {"counts_down": {"const": False}},
                                },
                            ]
                        },
                        "else": {
                            "if": {"properties": {"type": {"const": "value"}}},
                            "then": {"required": ["value"]},
                        },
                    },
                },
            },
        },
    },
    "ContentStateUpdate": {
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "x-activitysmith-not-blank": True},
            "subtitle": {"type": "string"},
            "type": {"$ref": "LiveActivityType"},
            "number_of_steps": {"type": "integer", "minimum": 1},
            "current_step": {
                "type": "integer",
                "minimum": 0,
                "x-activitysmith-at-most-field": "number_of_steps",
            },
            "percentage": {"type": "number", "minimum": 0, "maximum": 100},
            "value": {"$ref": "LiveActivityValue"},
            "upper_limit": {"type": "number", "exclusiveMinimum": 0},
            "duration_seconds": {"type": "number", "exclusiveMinimum": 0},
            "counts_down": {"type": "boolean"},
            "is_running": {"type": "boolean"},
            "metrics": {
                "type": "array",
                "minItems": 1,
                "maxItems": 8,
                "items": {"$ref": "ActivityMetric"},
            },
            "message": {"type": "string", "minLength": 1},
            "icon": {"$ref": "LiveActivityAlertIcon"},
            "badge": {"$ref": "LiveActivityAlertBadge"},
            "color": {"$ref": "LiveActivityColor"},
            "step_color": {"$ref": "LiveActivityColor"},
            "step_colors": {"type": "array", "items": {"$ref": "LiveActivityColor"}},
        },
        "additionalProperties": False,
        "if": {"properties": {"type": {"const": "progress"}}, "required": ["type"]},
        "then": {
            "properties": {"value": {"type": "number"}},
            "dependentRequired": {"value": ["upper_limit"], "upper_limit": ["value"]},
        },
    },
    "LiveActivityAction": {
        "type": "object",
        "required": ["title", "type", "url"],
        "properties": {
            "title": {"type": "string"},
            "type": {"$ref": "ActionType"},
            "url": {
                "type": "string",
                "format": "uri",
                "pattern": "^(https?|shortcuts)://",
                "x-activitysmith-pattern-hint": "must be an http://, https:// or shortcuts:// link",
            },
            "method": {"$ref": "WebhookMethod"},
            "body": {"$ref": "WebhookBody"},
        },
        "additionalProperties": False,
        "if": {"properties": {"type": {"const": "webhook"}}, "required": ["type"]},
        "then": {
            "properties": {
                "url": {
                    "pattern": "^https://",
                    "x-activitysmith-pattern-hint": "webhook URLs must use https://",
                }
            }
        },
    },
    "LiveActivityAlertBadge": {
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "color": {"$ref": "LiveActivityColor"},
        },
        "additionalProperties": False,
    },
    "LiveActivityAlertIcon": {
        "type": "object",
        "required": ["symbol"],
        "properties": {
            "symbol": {"type": "string", "minLength": 1},
            "color": {"$ref": "LiveActivityColor"},
        },
        "additionalProperties": False,
    },
    "LiveActivityColor": {
        "type": "string",
        "enum": [
            "lime",
            "green",
            "cyan",
            "blue",
            "purple",
            "magenta",
            "red",
            "orange",
            "yellow",
            "gray",
        ],
    },
    "LiveActivityEndRequest": {
        "type": "object",
        "required": ["activity_id", "content_state"],
        "properties": {
            "activity_id": {"type": "string"},
            "content_state": {"$ref": "ContentStateEnd"},
            "action": {"$ref": "LiveActivityAction"},
            "secondary_action": {"$ref": "LiveActivityAction"},
            "tags": {
                "type": "array",
                "items": {"$ref": "Tag"},
                "x-activitysmith-max-unique-items": 20,
            },
            "metadata": {"$ref": "Metadata"},
        },
        "additionalProperties": False,
    },
    "LiveActivityStartRequest": {
        "type": "object",
        "required": ["content_state"],
        "properties": {
            "content_state": {"$ref": "ContentStateStart"},
            "action": {"$ref": "LiveActivityAction"},
            "secondary_action": {"$ref": "LiveActivityAction"},
            "alert": {"$ref": "AlertPayload"},
            "target": {"$ref": "ChannelTarget"},
            "tags": {
                "type": "array",
                "items": {"$ref": "Tag"},
                "x-activitysmith-max-unique-items": 20,
            },
            "metadata": {"$ref": "Metadata"},
        },
        "additionalProperties": False,
    },
    "LiveActivityStreamDeleteRequest": {
        "type": "object",
        "properties": {
            "content_state": {"$ref": "StreamContentState"},
            "action": {"$ref": "LiveActivityAction"},
            "secondary_action": {"$ref": "LiveActivityAction"},
            "alert": {"$ref": "AlertPayload"},
            "tags": {
                "type": "array",
                "items": {"$ref": "Tag"},
                "x-activitysmith-max-unique-items": 20,
            },
            "metadata": {"$ref": "Metadata"},
        },
        "additionalProperties": False,
    },
    "LiveActivityStreamRequest": {
        "type": "object",
        "required": ["content_state"],
        "properties": {
            "content_state": {"$ref": "StreamContentState"},
            "action": {"$ref": "LiveActivityAction"},
            "secondary_action": {"$ref": "LiveActivityAction"},
            "alert": {"$ref": "AlertPayload"},
            "channels": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string", "minLength": 1},
                "x-activitysmith-same-as": "target.channels",
            },
            "target": {"$ref": "ChannelTarget"},
            "tags": {
                "type": "array",
                "items": {"$ref": "Tag"},
                "x-activitysmith-max-unique-items": 20,
            },
            "metadata": {"$ref": "Metadata"},
        },
        "additionalProperties": False,
    },
    "LiveActivityType": {
        "type": "string",
        "enum": ["segmented_progress", "progress", "metrics", "stats", "alert", "timer", "value"],
    },
    "LiveActivityUpdateRequest": {
        "type": "object",
        "required": ["activity_id", "content_state"],
        "properties": {
            "activity_id": {"type": "string"},
            "content_state": {"$ref": "ContentStateUpdate"},
            "action": {"$ref": "LiveActivityAction"},
            "secondary_action": {"$ref": "LiveActivityAction"},
            "tags": {
                "type": "array",
                "items": {"$ref": "Tag"},
                "x-activitysmith-max-unique-items": 20,
            },
            "metadata": {"$ref": "Metadata"},
        },
        "additionalProperties": False,
    },
    "LiveActivityValue": {"oneOf": [{"type": "string"}, {"type": "number"}]},
    "Metadata": {
        "type": "object",
        "maxProperties": 50,
        "x-activitysmith-max-json-bytes": 16384,
        "propertyNames": {"maxLength": 100},
        "additionalProperties": {"$ref": "MetadataValue"},
    },
    "MetadataValue": {
        "oneOf": [{"type": "string", "maxLength": 4000}, {"type": "number"}, {"type": "boolean"}]
    },
    "MetricValueUpdateRequest": {
        "type": "object",
        "required": ["value"],
        "properties": {
            "value": {
                "oneOf": [{"type": "number"}, {"type": "string", "minLength": 1, "maxLength": 64}]
            },
            "timestamp": {"type": "string", "format": "date-time"},
        },
        "additionalProperties": False,
    },
    "PushInterruptionLevel": {"type": "string", "enum": ["passive", "active", "time-sensitive"]},
    "PushNotificationAction": {
        "type": "object",
        "required": ["title", "type", "url"],
        "properties": {
            "title": {"type": "string"},
            "type": {"$ref": "ActionType"},
            "url": {
                "type": "string",
                "format": "uri",
                "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:",
                "x-activitysmith-pattern-hint": "must be a URL with a scheme (https://, app://...)",
                "not": {"$ref": "RefusedUrlScheme"},
            },
            "method": {"$ref": "WebhookMethod"},
            "body": {"$ref": "WebhookBody"},
        },
        "additionalProperties": False,
        "if": {"properties": {"type": {"const": "webhook"}}, "required": ["type"]},
        "then": {
            "properties": {
                "url": {
                    "pattern": "^https://",
                    "x-activitysmith-pattern-hint": "webhook URLs must use https://",
                }
            }
        },
    },
    "PushNotificationPayload": {"type": "object", "additionalProperties": True},
    "PushNotificationReplaceRequest": {
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "x-activitysmith-not-blank": True},
            "message": {"type": "string"},
            "subtitle": {"type": "string"},
            "media": {"type": "string", "format": "uri", "pattern": "^https://"},
            "redirection": {
                "type": "string",
                "maxLength": 2048,
                "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:",
                "format": "uri",
                "x-activitysmith-pattern-hint": "must be a URL with a scheme (https://...)",
                "not": {"$ref": "RefusedUrlScheme"},
            },
            "actions": {
                "type": "array",
                "maxItems": 4,
                "items": {"$ref": "PushNotificationAction"},
            },
            "payload": {"$ref": "PushNotificationPayload"},
            "badge": {"type": "integer"},
            "icon": {"type": "string", "format": "uri", "pattern": "^https://"},
            "tags": {"type": "array", "items": {"$ref": "Tag"}},
            "metadata": {"$ref": "Metadata"},
        },
        "additionalProperties": False,
        "not": {"required": ["media", "actions"], "properties": {"actions": {"minItems": 1}}},
    },
    "PushNotificationRequest": {
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "x-activitysmith-not-blank": True},
            "message": {"type": "string"},
            "subtitle": {"type": "string"},
            "media": {"type": "string", "format": "uri", "pattern": "^https://"},
            "redirection": {
                "type": "string",
                "maxLength": 2048,
                "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:",
                "format": "uri",
                "x-activitysmith-pattern-hint": "must be a URL with a scheme (https://...)",
                "not": {"$ref": "RefusedUrlScheme"},
            },
            "actions": {
                "type": "array",
                "maxItems": 4,
                "items": {"$ref": "PushNotificationAction"},
            },
            "payload": {"$ref": "PushNotificationPayload"},
            "badge": {"type": "integer"},
            "sound": {"type": "string"},
            "target": {"$ref": "ChannelTarget"},
            "icon": {"type": "string", "format": "uri", "pattern": "^https://"},
            "interruption_level": {"$ref": "PushInterruptionLevel"},
            "tags": {"type": "array", "items": {"$ref": "Tag"}},
            "metadata": {"$ref": "Metadata"},
        },
        "additionalProperties": False,
        "not": {"required": ["media", "actions"], "properties": {"actions": {"minItems": 1}}},
    },
    "RefusedUrlScheme": {
        "type": "string",
        "pattern": "^(?:[Aa][Bb][Oo][Uu][Tt]|[Aa][Cc][Tt][Ii][Vv][Ii][Tt][Yy][Ss][Mm][Ii][Tt][Hh]|[Aa][Pp][Pp]-[Pp][Rr][Ee][Ff][Ss]|[Bb][Ll][Oo][Bb]|[Dd][Aa][Tt][Aa]|[Ff][Ii][Ll][Ee]|[Ii][Tt][Mm][Ss]-[Ss][Ee][Rr][Vv][Ii][Cc][Ee][Ss]|[Jj][Aa][Vv][Aa][Ss][Cc][Rr][Ii][Pp][Tt]|[Pp][Rr][Ee][Ff][Ss]):",
        "x-activitysmith-refusal": "uses a URL scheme the API refuses (about:, "
        "activitysmith:, app-prefs:, blob:, data:, file:, "
        "itms-services:, javascript: or prefs:)",
    },
    "StreamContentState": {
        "type": "object",
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "x-activitysmith-not-blank": True},
            "subtitle": {"type": "string"},
            "type": {"$ref": "LiveActivityType"},
            "number_of_steps": {"type": "integer", "minimum": 1},
            "current_step": {
                "type": "integer",
                "minimum": 0,
                "x-activitysmith-at-most-field": "number_of_steps",
            },
            "percentage": {"type": "number", "minimum": 0, "maximum": 100},
            "value": {"$ref": "LiveActivityValue"},
            "upper_limit": {"type": "number", "exclusiveMinimum": 0},
            "duration_seconds": {"type": "number", "exclusiveMinimum": 0},
            "counts_down": {"type": "boolean"},
            "is_running": {"type": "boolean"},
            "metrics": {
                "type": "array",
                "minItems": 1,
                "maxItems": 8,
                "items": {"$ref": "ActivityMetric"},
            },
            "message": {"type": "string", "minLength": 1},
            "icon": {"$ref": "LiveActivityAlertIcon"},
            "badge": {"$ref": "LiveActivityAlertBadge"},
            "color": {"$ref": "LiveActivityColor"},
            "step_color": {"$ref": "LiveActivityColor"},
            "step_colors": {"type": "array", "items": {"$ref": "LiveActivityColor"}},
            "auto_dismiss_minutes": {"type": "integer", "minimum": 0},
            "auto_dismiss_seconds": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
        "if": {"properties": {"type": {"const": "progress"}}, "required": ["type"]},
        "then": {
            "properties": {"value": {"type": "number"}},
            "dependentRequired": {"value": ["upper_limit"], "upper_limit": ["value"]},
        },
    },
    "Tag": {
        "type": "string",
        "minLength": 1,
        "maxLength": 64,
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$",
        "x-activitysmith-pattern-hint": "must be 1-64 letters, digits, '.', '_', ':' or '-', "
        "starting with a letter or digit",
    },
    "WebhookBody": {"type": "object", "additionalProperties": True},
    "WebhookMethod": {"type": "string", "enum": ["GET", "POST"]},
}
