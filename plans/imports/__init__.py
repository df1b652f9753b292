"""Importing a plan from Word (.docx), written the way the regions write them (seeds 003 and
004): the document read into lines (reading), the lines into a plan tree with every line not
understood listed by its place (parsing, a pure function: `parse`), time words read by the
portal's period parser (words), and the tree written as a draft plan, all or nothing, in a
few queries whatever its size (writing), by the worker once the person confirms (services)."""
