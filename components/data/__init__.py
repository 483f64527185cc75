"""The data contract, the vocabulary of its allowed values, and reading and validating a data folder."""
