"""Alembic environment: runs against the engine StaffDesk hands over (see store/db.py)."""

from alembic import context
from sqlalchemy import create_engine

from staffdesk.store import sync_tables as _sync_tables  # noqa: F401  (they join Base.metadata)
from staffdesk.store.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # the alembic CLI, for writing new migrations: -x url=...
    engine = create_engine(context.get_x_argument(as_dictionary=True)["url"])

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
