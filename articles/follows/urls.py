from django.urls import path

from . import views

app_name = "follows"

urlpatterns = [
    path("follow/<str:kind>/<str:slug>/", views.follow, name="follow"),
    path("follows/confirm/<str:token>/", views.confirm, name="confirm"),
    path("follows/manage/<str:token>/", views.manage, name="manage"),
    path("follows/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
