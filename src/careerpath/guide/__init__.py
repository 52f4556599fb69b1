"""The career guide: one pydantic model, rendered as JSON, Markdown and HTML."""
