"""Life cycle: published plans, the kind and date of a version, the version the public reads."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0005_date_order_message'),
        ('governance', '0007_date_order_message'),
        ('plans', '0005_history_change_reason_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='plan',
            options={'ordering': ['title'], 'permissions': [('adopt_plan', 'Kan fastställa planer'), ('publish_plan', 'Kan publicera planer utan formellt beslut'), ('edit_every_plan', 'Kan redigera alla planer, även utan att vara redaktör')], 'verbose_name': 'plan', 'verbose_name_plural': 'planer'},
        ),
        migrations.AddField(
            model_name='historicalplan',
            name='public_version',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.planversion', verbose_name='version som allmänheten läser'),
        ),
        migrations.AddField(
            model_name='plan',
            name='public_version',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.RESTRICT, related_name='+', to='plans.planversion', verbose_name='version som allmänheten läser'),
        ),
        migrations.AddField(
            model_name='planversion',
            name='date',
            field=models.DateField(blank=True, null=True, verbose_name='datum'),
        ),
        migrations.AddField(
            model_name='planversion',
            name='kind',
            field=models.CharField(choices=[('published', 'Publicerad'), ('adopted', 'Fastställd')], default='adopted', max_length=20, verbose_name='slag'),
        ),
        migrations.AlterField(
            model_name='historicalplan',
            name='status',
            field=models.CharField(choices=[('draft', 'Utkast'), ('published', 'Publicerad'), ('adopted', 'Fastställd'), ('under_revision', 'Under revidering'), ('closed', 'Avslutad')], default='draft', max_length=20, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='plan',
            name='status',
            field=models.CharField(choices=[('draft', 'Utkast'), ('published', 'Publicerad'), ('adopted', 'Fastställd'), ('under_revision', 'Under revidering'), ('closed', 'Avslutad')], default='draft', max_length=20, verbose_name='status'),
        ),
    ]
