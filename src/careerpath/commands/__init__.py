"""Click commands owned by the stages that implement them; cli.py registers them."""
