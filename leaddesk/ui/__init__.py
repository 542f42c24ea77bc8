"""The Qt desktop: the agent window, its models and widgets, and the task helper.

Only this package (and `leaddesk.commands.gui`) imports PySide6. Widgets call services
through `tasks.TaskRunner`, never SQL, and talk to each other through `events.Events`.
"""
