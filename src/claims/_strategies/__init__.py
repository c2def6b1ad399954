"""The implementation of `claims.strategies`: records, then whole dossiers."""
