"""StaffDesk: Parent Access Forms to parent-portal links."""
