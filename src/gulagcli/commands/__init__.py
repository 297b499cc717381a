"""The commands, one module per group; gulagcli.cli.COMMANDS says which module has which."""
