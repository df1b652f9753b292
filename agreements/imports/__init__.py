"""Importing an agreement register from Excel or CSV: read the sheet (reading), map its
columns to the agreement's fields (columns, remembered per user in ImportMapping), read each
row and compare it with the register (rows, preview), then write all rows or none (services).
The views take the register administrator through upload, mapping, preview and confirm."""
