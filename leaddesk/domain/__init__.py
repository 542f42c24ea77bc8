"""Pure rules of lead response: no Qt, no database, no network. Every rule takes time as a parameter."""
