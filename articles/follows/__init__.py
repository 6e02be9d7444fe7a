"""Follow by email: readers follow an entity, author, category or series and get its new articles.

models.py (Follow, the send log FollowDelivery), links.py (signed confirm/manage/unsubscribe links),
signup.py (a follow request and the address's double opt-in, reusing the mailing list's Subscriber),
mail.py (one message: text and HTML parts, List-Unsubscribe), digests.py (what `send_digests` sends,
claimed then sent then marked), management.py (the manage page's changes), views.py, forms.py,
urls.py, tasks.py (send_digests as a django-tasks task).
"""
